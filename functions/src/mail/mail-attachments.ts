import { randomUUID } from 'node:crypto';
import { CrmError, MB, fileTypeOfName, keepableFileName, type Activity, type AttachmentNote, type DocumentLimits } from '@rapport/shared';
import type { AppGraph, MailAttachment, MailMessage } from '../graph/app-graph';
import type { DocumentService, KeptFile } from '../documents/documents.service';
import type { Actor } from '../kinds/kind-hooks';

/** An attachment's bytes kept before its e-mail is logged, with the document it will be. */
type KeptAttachment = { documentId: string; name: string; contentType: string; attachmentId: string; file: KeptFile };

/** What logging a message keeps of its attachments: the notes the e-mail carries, and the files waiting for their documents. */
export type KeptAttachments = { notes: AttachmentNote[]; files: KeptAttachment[] };

export type MailAttachmentDependencies = { graph: AppGraph; documents: DocumentService; limitsOf: (tenantId: string) => Promise<DocumentLimits> };

/**
 * A logged e-mail's attachments, kept as documents under the tenant's limits: each file streams from Graph through the
 * documents' checks into the file store (never held whole). What is over a limit, of a type Rapport does not keep, or
 * not a file (an attached message, a cloud link) is named in the e-mail's log with why; pictures shown in the body
 * (a signature's logo) are part of the text and left out unnamed.
 */
export class MailAttachments {
  constructor(private readonly deps: MailAttachmentDependencies) {}

  /** Streams the files into the file store; their documents are written by `record`, once the e-mail is. */
  async keep(tenantId: string, mailbox: string, message: MailMessage): Promise<KeptAttachments> {
    const { graph, documents } = this.deps;
    const limits = await this.deps.limitsOf(tenantId);
    const maxFile = limits.maxFileMb * MB;
    let room = limits.maxMessageMb * MB;
    const listed = (await graph.messageAttachments(tenantId, mailbox, message.id)).filter((attachment) => !attachment.isInline);
    const notes: AttachmentNote[] = [];
    const files: KeptAttachment[] = [];
    try {
      for (const [index, attachment] of listed.entries()) {
        const name = keepableFileName(attachment.name, `attachment-${index + 1}`);
        const note = { name, size: attachment.size };
        const type = fileTypeOfName(name);
        const leftOut = leftOutBefore(attachment, type !== null, maxFile, room);
        if (leftOut) {
          notes.push({ ...note, leftOut });
          continue;
        }
        try {
          const content = await graph.attachmentContent(tenantId, mailbox, message.id, attachment.id);
          const file = await documents.keep(tenantId, name, type, content, Math.min(maxFile, room));
          const documentId = randomUUID();
          files.push({ documentId, name, contentType: type!.contentType, attachmentId: attachment.id, file });
          notes.push({ name, size: file.size, documentId });
          room -= file.size;
        } catch (error) {
          const refused = leftOutBy(error, maxFile, room);
          if (!refused) throw error;
          notes.push({ ...note, leftOut: refused });
        }
      }
    } catch (error) {
      // Graph failed midway: the job tries the message again later, so nothing of this try stays.
      await this.discard(tenantId, { notes, files });
      throw error;
    }
    return { notes, files };
  }

  /** The documents of the kept files, on the logged e-mail and the records it was logged to. */
  async record(actor: Actor, email: Activity, kept: KeptAttachments): Promise<void> {
    for (const file of kept.files) {
      await this.deps.documents.record(
        actor,
        file.file,
        {
          id: file.documentId,
          name: file.name,
          contentType: file.contentType,
          source: 'email',
          activityId: email.id,
          contactIds: email.contactIds,
          ...(email.companyId ? { companyId: email.companyId } : {}),
          ...(email.dealId ? { dealId: email.dealId } : {}),
          ...(email.leadId ? { leadId: email.leadId } : {}),
          ...(email.caseId ? { caseId: email.caseId } : {}),
          attachmentRef: `attachment:${email.id}:${file.documentId}`,
        },
      );
    }
  }

  /** Forgets kept files whose e-mail was not logged (it was, by someone else, meanwhile). */
  async discard(tenantId: string, kept: KeptAttachments): Promise<void> {
    await Promise.all(kept.files.map((file) => this.deps.documents.forget(tenantId, file.file)));
  }
}

/** Why an attachment is left out before a byte is read, if it is. */
function leftOutBefore(attachment: MailAttachment, typeKept: boolean, maxFile: number, room: number): AttachmentNote['leftOut'] | null {
  if (attachment.kind !== 'file' || !typeKept) return 'type-not-kept';
  if (attachment.size > maxFile) return 'file-too-large';
  if (attachment.size > room) return 'message-too-large';
  return null;
}

/** Why the documents' checks refused an attachment as it streamed, or null when the failure was something else. */
function leftOutBy(error: unknown, maxFile: number, room: number): AttachmentNote['leftOut'] | null {
  if (!(error instanceof CrmError)) return null;
  if (error.code === 'DOCUMENT.TOO_LARGE') return room < maxFile ? 'message-too-large' : 'file-too-large';
  if (error.code === 'DOCUMENT.TYPE_MISMATCH' || error.code === 'DOCUMENT.PROGRAM' || error.code === 'DOCUMENT.EMPTY' || error.code === 'DOCUMENT.TYPE_NOT_KEPT') return 'type-not-kept';
  return null;
}
