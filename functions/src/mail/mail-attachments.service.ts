import { createHash } from 'node:crypto';
import { CrmError, MB, fileTypeOfName, keepableFileName, type Activity, type AttachmentNote, type DocumentLimits } from '@rapport/shared';
import { GraphCallError, type AppGraph, type MailAttachment, type MailMessage } from '../graph/app-graph';
import type { DocumentService, KeptFile } from '../documents/documents.service';
import type { Actor } from '../kinds/kind-hooks';

/** An attachment's bytes kept before its e-mail's log is written, with the document they will be. */
type KeptAttachment = { documentId: string; name: string; contentType: string; attachmentId: string; file: KeptFile };

/** What logging a message keeps of its attachments: the notes the e-mail carries, and the files waiting for their documents. */
export type KeptAttachments = { notes: AttachmentNote[]; files: KeptAttachment[] };

export type MailAttachmentDependencies = { graph: AppGraph; documents: DocumentService; limitsOf: (tenantId: string) => Promise<DocumentLimits> };

/** The most attachments one e-mail's log names (a message with more keeps the first ones). */
const MAX_NOTES = 250;

/**
 * The id of the document an e-mail's attachment becomes: the same for the same message and attachment, so a retry,
 * or a repair of a log a failure left half done, finds the document it wrote.
 */
export function attachmentDocumentId(internetMessageId: string, attachmentId: string): string {
  return `att-${createHash('sha256').update(internetMessageId).update('\0').update(attachmentId).digest('base64url').slice(0, 40)}`;
}

/**
 * A logged e-mail's attachments, kept as documents under the tenant's limits: each file streams from Graph through the
 * documents' checks into the file store (never held whole). What is over a limit, of a type Rapport does not keep, not
 * a file (an attached message, a cloud link), or that Graph will not give is named in the e-mail's log with why;
 * pictures shown in the body (a signature's logo) are part of the text and left out unnamed.
 */
export class MailAttachments {
  constructor(private readonly deps: MailAttachmentDependencies) {}

  /**
   * Streams the files into the file store; their documents are written by `record`, once the e-mail's log is. With
   * `only`, the attachments whose documents those are, and no others (a repair). Graph failing midway (busy, down)
   * keeps nothing and throws, so the job tries the message again.
   */
  async keep(tenantId: string, mailbox: string, message: MailMessage, only?: ReadonlySet<string>): Promise<KeptAttachments> {
    const { graph, documents } = this.deps;
    const limits = await this.deps.limitsOf(tenantId);
    const maxFile = limits.maxFileMb * MB;
    let room = limits.maxMessageMb * MB;
    const listed = (await graph.messageAttachments(tenantId, mailbox, message.id)).filter((attachment) => !attachment.isInline).slice(0, MAX_NOTES);
    const kept: KeptAttachments = { notes: [], files: [] };
    try {
      for (const [index, attachment] of listed.entries()) {
        const documentId = attachmentDocumentId(message.internetMessageId, attachment.id);
        if (only && !only.has(documentId)) continue;
        const name = keepableFileName(attachment.name, `attachment-${index + 1}`);
        const type = fileTypeOfName(name);
        const leftOut = leftOutBefore(attachment, type !== null, maxFile, room);
        if (leftOut) {
          kept.notes.push({ name, size: attachment.size, leftOut });
          continue;
        }
        try {
          const content = await graph.attachmentContent(tenantId, mailbox, message.id, attachment.id);
          const file = await documents.keep(tenantId, name, type, content, Math.min(maxFile, room));
          kept.files.push({ documentId, name, contentType: type!.contentType, attachmentId: attachment.id, file });
          kept.notes.push({ name, size: file.size, documentId });
          room -= file.size;
        } catch (error) {
          const refused = leftOutBy(error, maxFile, room);
          if (!refused) throw error;
          kept.notes.push({ name, size: attachment.size, leftOut: refused });
        }
      }
    } catch (error) {
      await this.discard(tenantId, kept.files);
      throw error;
    }
    return kept;
  }

  /**
   * The documents of the kept files, on the logged e-mail and the records it was logged to. One already there (a
   * retry's) keeps its bytes and these go; when a write fails, the files whose documents were not written go.
   */
  async record(actor: Actor, email: Activity, files: readonly KeptAttachment[]): Promise<void> {
    const { documents } = this.deps;
    for (const [index, file] of files.entries()) {
      try {
        if (await documents.exists(actor.tenantId, file.documentId)) {
          await documents.forget(actor.tenantId, file.file);
          continue;
        }
        await documents.record(actor, file.file, {
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
          attachmentRef: file.attachmentId.slice(0, 600),
        });
      } catch (error) {
        // This file's bytes went with the failed write; the rest have no document yet.
        await this.discard(actor.tenantId, files.slice(index + 1));
        throw error;
      }
    }
  }

  /** Forgets kept files that will have no document. */
  async discard(tenantId: string, files: readonly KeptAttachment[]): Promise<void> {
    await Promise.all(files.map((file) => this.deps.documents.forget(tenantId, file.file)));
  }

  /**
   * Brings a logged e-mail's attachments up to its log: an e-mail the rep logged in the pane (which cannot read them)
   * gets them, once; one whose documents a failure left unwritten gets those. Only the rep's own log, from their mailbox.
   */
  async complete(actor: Actor, email: Activity, mailbox: string, message: MailMessage, change: (notes: AttachmentNote[]) => Promise<Activity | null>): Promise<void> {
    if (!message.hasAttachments || email.ownerId !== actor.userId) return;
    if (email.attachments === undefined) {
      const kept = await this.keep(actor.tenantId, mailbox, message);
      const changed = await change(kept.notes).catch(async (error: unknown) => {
        await this.discard(actor.tenantId, kept.files);
        throw error;
      });
      if (!changed) return this.discard(actor.tenantId, kept.files);
      return this.record(actor, changed, kept.files);
    }
    const promised = email.attachments.flatMap((note) => (note.documentId ? [note.documentId] : []));
    if (promised.length === 0) return;
    const written = new Set(await this.deps.documents.existing(actor.tenantId, promised));
    const missing = new Set(promised.filter((id) => !written.has(id)));
    if (missing.size === 0) return;
    const kept = await this.keep(actor.tenantId, mailbox, message, missing);
    await this.record(actor, email, kept.files);
  }
}

/** Why an attachment is left out before a byte is read, if it is. */
function leftOutBefore(attachment: MailAttachment, typeKept: boolean, maxFile: number, room: number): AttachmentNote['leftOut'] | null {
  if (attachment.kind !== 'file' || !typeKept) return 'type-not-kept';
  if (attachment.size > maxFile) return 'file-too-large';
  if (attachment.size > room) return 'message-too-large';
  return null;
}

/** Why an attachment is left out once its bytes were asked for, or null when the failure is one to try again. */
function leftOutBy(error: unknown, maxFile: number, room: number): AttachmentNote['leftOut'] | null {
  // Graph will not give this file (gone, or refused): asking again would not change that.
  if (error instanceof GraphCallError && (error.status === 403 || error.status === 404)) return 'unreadable';
  if (!(error instanceof CrmError)) return null;
  if (error.code === 'DOCUMENT.TOO_LARGE') return room < maxFile ? 'message-too-large' : 'file-too-large';
  if (error.code === 'DOCUMENT.TYPE_MISMATCH' || error.code === 'DOCUMENT.PROGRAM' || error.code === 'DOCUMENT.EMPTY' || error.code === 'DOCUMENT.TYPE_NOT_KEPT') return 'type-not-kept';
  return null;
}
