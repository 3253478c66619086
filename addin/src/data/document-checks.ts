import { MAX_FILE_MB_CEILING, MB } from '@rapport/shared/documents/document-limits.rules';
import { fileNameProblem } from '@rapport/shared/documents/file-name.rules';
import { FILE_HEAD_BYTES, contentProblem, fileTypeOfName } from '@rapport/shared/documents/file-types.rules';
import { ApiError } from '../api/api-error';

/**
 * The API's checks of a file, made in the browser before it is sent, so the user hears at once: the same refusal (code,
 * status, details) the API would give. Null when the file may go; the API checks it again as it arrives.
 * `maxFileMb` is the tenant's limit when the pane holds it; else only the ceiling no tenant may pass is checked here.
 */
export async function refusalOf(file: Blob & { name: string }, maxFileMb: number = MAX_FILE_MB_CEILING): Promise<ApiError | null> {
  const { name } = file;
  const nameProblem = fileNameProblem(name);
  if (nameProblem) return new ApiError(422, 'DOCUMENT.INVALID_NAME', `${name}: ${nameProblem}`, { name, problem: nameProblem });
  if (file.size > maxFileMb * MB) return new ApiError(413, 'DOCUMENT.TOO_LARGE', `${name} is too large`, { name, limitMb: maxFileMb, limitBytes: maxFileMb * MB });
  const head = new Uint8Array(await file.slice(0, FILE_HEAD_BYTES).arrayBuffer());
  const problem = contentProblem(fileTypeOfName(name), head);
  if (!problem) return null;
  const [status, code] = (
    {
      'not-allowed': [415, 'DOCUMENT.TYPE_NOT_KEPT'],
      program: [415, 'DOCUMENT.PROGRAM'],
      mismatch: [415, 'DOCUMENT.TYPE_MISMATCH'],
      empty: [422, 'DOCUMENT.EMPTY'],
    } as const
  )[problem];
  return new ApiError(status, code, `${name}: ${problem}`, { name });
}
