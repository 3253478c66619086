import { useDocumentBytes } from '../../data/documents';
import { saveFile } from './save-file';

/** Saving a document as a file with its name: its bytes read through the API with the user's token. */
export function useDownload() {
  const bytes = useDocumentBytes();
  return {
    save: (document: { id: string; name: string }) => bytes.mutate({ id: document.id }, { onSuccess: (blob) => saveFile(blob, document.name) }),
    isPending: bytes.isPending,
    error: bytes.error,
  };
}
