/**
 * Turns an Office `*Async` call into a promise. A failed call rejects with an Error that
 * carries Office's message; nothing is ever thrown inside Office's callback.
 */
export function officeAsync<T>(call: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      call((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(new OfficeCallError(result.error?.message ?? 'The Office call failed', result.error?.code));
      });
    } catch (error) {
      reject(error instanceof Error ? error : new OfficeCallError(String(error)));
    }
  });
}

export class OfficeCallError extends Error {
  constructor(
    message: string,
    readonly officeCode?: number,
  ) {
    super(message);
    this.name = 'OfficeCallError';
  }
}
