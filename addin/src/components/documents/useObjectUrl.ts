import { useEffect, useState } from 'react';

/**
 * A blob: URL for bytes the pane holds (a document's, read with the user's token), typed as `type`; revoked when the
 * bytes change or the component leaves, so the memory goes with it.
 */
export function useObjectUrl(blob: Blob | undefined, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return undefined;
    // Typed as the API checked it, whatever the bytes say: a blob: URL shows them as that type only.
    const created = URL.createObjectURL(blob.type === type ? blob : new Blob([blob], { type }));
    setUrl(created);
    return () => {
      URL.revokeObjectURL(created);
      setUrl(null);
    };
  }, [blob, type]);
  return url;
}
