// Files the pane attaches to the open draft (a quote's PDF): Mailbox 1.8, addFileAttachmentFromBase64Async. Loaded with
// the compose tools only, never with the first card; it wraps Office's callback itself, as item-categories.ts does.

/** A file to attach, its bytes in base64 as Office takes them. */
export type DraftFile = { name: string; base64: string };

/** Attaches files to the message being written, through Outlook. */
export type DraftAttachments = {
  /** Whether this Outlook can attach files from the pane (Mailbox 1.8). */
  supported(): boolean;
  /** Attaches the file; resolves with Outlook's id of the attachment. */
  attach(file: DraftFile): Promise<string>;
};

export const draftAttachments: DraftAttachments = {
  supported: () => typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('Mailbox', '1.8') === true,
  attach: (file) =>
    new Promise<string>((resolve, reject) => {
      const item = Office.context.mailbox.item as Office.MessageCompose | undefined;
      if (!item || typeof item.addFileAttachmentFromBase64Async !== 'function') {
        reject(new Error('No draft is open to attach to'));
        return;
      }
      try {
        item.addFileAttachmentFromBase64Async(file.base64, file.name, { isInline: false }, (result) => {
          if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
          else reject(new Error(result.error?.message ?? 'The attachment was refused'));
        });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
};

/** Bytes as base64, in slices (a spread of a whole PDF's bytes would overflow the call stack). */
export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}
