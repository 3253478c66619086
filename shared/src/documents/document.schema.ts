import { z } from 'zod';
import { IdSchema, SystemFieldsSchema, shortText } from '../common/record.schema';
import { FILE_NAME_MAX } from './file-name.rules';

/** The records a document may belong to, by the field that holds each one's id. */
export const documentRecordFields = { contactId: 'contact', companyId: 'company', dealId: 'deal', leadId: 'lead', caseId: 'case', activityId: 'activity', expenseId: 'expense' } as const;
export type DocumentRecordField = keyof typeof documentRecordFields;
export type DocumentRecordKind = (typeof documentRecordFields)[DocumentRecordField];
export const documentRecordKinds = Object.values(documentRecordFields) as [DocumentRecordKind, ...DocumentRecordKind[]];

/**
 * A file kept with CRM records: uploaded to one record, or an attachment of a logged e-mail (then on the e-mail and on
 * the records it was logged to). Its bytes live in the file store under `fileKey`; the record says what they are.
 */
export const DocumentSchema = z
  .object({
    name: shortText(FILE_NAME_MAX),
    /** The type its contents were checked to be (never what the sender declared). */
    contentType: shortText(200),
    size: z.number().int().min(0),
    /** Of the contents, base64url: a download can be checked, and the same file is seen twice. */
    sha256: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    /** Where the file store keeps the bytes, under the tenant. */
    fileKey: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
    source: z.enum(['upload', 'email']),
    contactIds: z.array(IdSchema).max(50).default([]),
    companyId: IdSchema.optional(),
    dealId: IdSchema.optional(),
    leadId: IdSchema.optional(),
    caseId: IdSchema.optional(),
    /** The expense it is the receipt of (a photo or a PDF). */
    expenseId: IdSchema.optional(),
    /** The logged e-mail it came with. */
    activityId: IdSchema.optional(),
    /** An e-mail attachment's id in the mailbox it was read from (its document's id is made from it and the message's). */
    attachmentRef: shortText(600).optional(),
    ...SystemFieldsSchema.shape,
  })
  .meta({ id: 'Document' });
export type Document = z.infer<typeof DocumentSchema>;

/** What a logged e-mail says of each attachment: kept (with its document) or left out, and why. */
export const AttachmentNoteSchema = z.strictObject({
  name: shortText(FILE_NAME_MAX),
  size: z.number().int().min(0),
  documentId: IdSchema.optional(),
  /** Left out: larger than a file may be, over what one message may keep, a type Rapport does not keep, or Graph would not give it. */
  leftOut: z.enum(['file-too-large', 'message-too-large', 'type-not-kept', 'unreadable']).optional(),
});
export type AttachmentNote = z.infer<typeof AttachmentNoteSchema>;
