import { z } from 'zod';
import { IdSchema } from '../common/record.schema';
import { IdParamsSchema, PageQuerySchema, pageOf } from '../contract/common.schema';
import { defineRoute } from '../contract/route';
import { DocumentSchema, documentRecordKinds } from './document.schema';

/** Which record's documents, or which record an upload belongs to. */
const RecordQuery = z.strictObject({ recordKind: z.enum(documentRecordKinds), recordId: IdSchema });

export const UploadDocumentQuerySchema = RecordQuery.extend({
  /** The file's name as the user sees it (the type is told by its extension and checked against its contents). */
  name: z.string().max(1_000),
});

export const uploadDocumentRoute = defineRoute({
  name: 'upload-document',
  method: 'POST',
  path: '/api/documents',
  summary:
    "Add a file to a record: the body is the file's bytes (any Content-Type); its name's extension says its type, which its contents must match; at most the tenant's file size (25 MB unless an admin changed it)",
  tag: 'Documents',
  auth: 'user',
  query: UploadDocumentQuerySchema,
  success: { status: 201, schema: DocumentSchema, description: 'The document as stored; ETag carries its version' },
  errors: [413, 415, 422],
  idempotent: true,
  upload: true,
});

export const listDocumentsRoute = defineRoute({
  name: 'list-documents',
  method: 'GET',
  path: '/api/documents',
  summary: "A record's documents, newest first (an e-mail's attachments are on the e-mail and on the records it was logged to)",
  tag: 'Documents',
  auth: 'user',
  query: PageQuerySchema.extend(RecordQuery.shape),
  success: { status: 200, schema: pageOf(DocumentSchema), description: 'A page of documents' },
});

export const DocumentContentQuerySchema = z.strictObject({
  /** `attachment` (default) saves the file; `inline` shows it, for images and PDFs only. */
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});

export const documentContentRoute = defineRoute({
  name: 'document-content',
  method: 'GET',
  path: '/api/documents/{id}/content',
  summary: "A document's bytes, as the type they were checked to be",
  tag: 'Documents',
  auth: 'user',
  params: IdParamsSchema,
  query: DocumentContentQuerySchema,
  success: { status: 200, description: 'The file' },
});

export const getDocumentRoute = defineRoute({
  name: 'get-document',
  method: 'GET',
  path: '/api/documents/{id}',
  summary: 'Read what a document is',
  tag: 'Documents',
  auth: 'user',
  params: IdParamsSchema,
  success: { status: 200, schema: DocumentSchema, description: 'The document; ETag carries its version' },
});

export const deleteDocumentRoute = defineRoute({
  name: 'delete-document',
  method: 'DELETE',
  path: '/api/documents/{id}',
  summary: 'Delete a document (soft: it can be restored; its file is kept until then)',
  tag: 'Documents',
  auth: 'user',
  params: IdParamsSchema,
  success: { status: 204, description: 'Deleted' },
  errors: [403, 412, 428],
  ifMatch: true,
});

export const restoreDocumentRoute = defineRoute({
  name: 'restore-document',
  method: 'POST',
  path: '/api/documents/{id}/restore',
  summary: 'Restore a deleted document (If-Match: the deleted version)',
  tag: 'Documents',
  auth: 'user',
  params: IdParamsSchema,
  success: { status: 200, schema: DocumentSchema, description: 'The document, restored' },
  errors: [403, 409, 412, 428],
  ifMatch: true,
});

