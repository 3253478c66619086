/** @jest-environment jsdom */
import { OfficeMockObject } from 'office-addin-mock';
import { attachedFile } from '../../addin/src/demo/draft-content';
import { base64Of, draftAttachments } from '../../addin/src/office/draft-attachment';

type Callback<T> = (result: { status: string; value?: T; error?: { message: string; code: number } }) => void;

function installOffice(mailbox: string, item: Record<string, unknown>) {
  (globalThis as unknown as { Office: unknown }).Office = new OfficeMockObject({
    host: 'outlook',
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: { requirements: { isSetSupported: (name: string, version: string) => name === 'Mailbox' && Number(version.split('.')[1]) <= Number(mailbox.split('.')[1]) }, mailbox: { item } },
  });
}

// A quote's PDF attached to the message being written: Office's addFileAttachmentFromBase64Async (Mailbox 1.8), wrapped
// in a promise that never throws inside Office's callback.
describe('attaching a file to the open draft', () => {
  it('attaches the bytes under the name given, and resolves with the attachment id', async () => {
    const calls: unknown[][] = [];
    installOffice('1.13', {
      addFileAttachmentFromBase64Async: (...args: unknown[]) => {
        calls.push(args.slice(0, 3));
        (args[args.length - 1] as Callback<string>)({ status: 'succeeded', value: 'AAMkAttachment1' });
      },
    });
    expect(draftAttachments.supported()).toBe(true);
    await expect(draftAttachments.attach({ name: 'Q-3 v2.pdf', base64: 'JVBERi0=' })).resolves.toBe('AAMkAttachment1');
    expect(calls).toEqual([['JVBERi0=', 'Q-3 v2.pdf', { isInline: false }]]);
  });

  it('rejects with what Outlook said when it refuses, and says when this Outlook cannot attach at all', async () => {
    installOffice('1.5', {
      addFileAttachmentFromBase64Async: (...args: unknown[]) => (args[args.length - 1] as Callback<string>)({ status: 'failed', error: { message: 'The attachment is too large', code: 9006 } }),
    });
    expect(draftAttachments.supported()).toBe(false);
    await expect(draftAttachments.attach({ name: 'Q-3.pdf', base64: 'JVBERi0=' })).rejects.toThrow('The attachment is too large');
  });

  it('reads bytes as base64 in slices, so a PDF of megabytes does not overflow the stack', async () => {
    const bytes = new Uint8Array(200_000).map((_, index) => index % 251);
    const blob = { arrayBuffer: async () => bytes.buffer } as unknown as Blob;
    expect(await base64Of(blob)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it("keeps the file on the demo's draft typed by its name and sized from its bytes", () => {
    expect(attachedFile('Q-3.pdf', Buffer.from('%PDF-1.4 hello').toString('base64'))).toEqual({
      name: 'Q-3.pdf',
      contentType: 'application/pdf',
      size: 14,
      contentBase64: Buffer.from('%PDF-1.4 hello').toString('base64'),
    });
  });
});
