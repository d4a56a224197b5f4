/**
 * Turns Office's callback style (`AsyncResult`) into promises with `PostbudError`s.
 * @module
 */
import { PostbudError } from '@postbud/sdk';

export function officeAsync<T>(what: string, start: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        resolve(result.value);
        return;
      }
      const e = result.error;
      reject(new PostbudError('MAILBOX_API_FAILED', `Outlook could not ${what}: ${e?.message ?? 'unknown error'}.`, {
        fault: 'unknown', details: { officeCode: e?.code, officeName: e?.name },
      }));
    });
  });
}
