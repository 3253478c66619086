import { randomUUID } from 'node:crypto';
import { pipeline, type Readable } from 'node:stream';
import {
  CrmError,
  MB,
  cleanFileName,
  fileNameProblem,
  fileTypeOfName,
  notFound,
  type Document,
  type DocumentRecordField,
  type DocumentRecordKind,
  documentRecordFields,
  type DocumentLimits,
  type FileType,
  type Page,
} from '@rapport/shared';
import type { Principal } from '../auth/principal';
import type { FileStore } from '../files/file-store';
import { FileCheck, contentRefused, fileTooLarge } from '../files/file-check';
import type { Actor } from '../kinds/kind-hooks';
import type { RecordService } from '../services/records.service';
import { isPrivateKind } from '../services/read-scope';
import type { CreateResult, IdempotencyClaim, Store } from '../store/store';

/** A document's links for the record it is added to: a contact is one of its contacts, the others the one field. */
function linksFor(kind: DocumentRecordKind, id: string): Partial<Document> {
  return kind === 'contact' ? { contactIds: [id] } : { [`${kind}Id`]: id };
}

/** The bytes of a file as kept: where, how many, and their hash. */
export type KeptFile = { fileKey: string; size: number; sha256: string };

export type DocumentServiceDependencies = {
  store: Store;
  records: RecordService;
  files: FileStore;
  limitsOf: (tenantId: string) => Promise<DocumentLimits>;
};

/**
 * Files kept with CRM records. Bytes stream from the request (or Graph) through the checks into the file store, never
 * held whole; the document record is written after the bytes are kept, so a record never names missing bytes, and
 * bytes a refused or failed write left behind are removed. Deleting is soft: the bytes stay until the restore window ends.
 */
export class DocumentService {
  constructor(private readonly deps: DocumentServiceDependencies) {}

  /** `declaredBytes`: the request's Content-Length, when it gave one: a file declared too large is refused unread. */
  async upload(
    principal: Principal,
    to: { recordKind: DocumentRecordKind; recordId: string; name: string },
    body: Readable,
    options: { claim?: IdempotencyClaim | undefined; declaredBytes?: number | undefined } = {},
  ): Promise<CreateResult<Document>> {
    const { claim } = options;
    const { store, records } = this.deps;
    const problem = fileNameProblem(to.name);
    if (problem) {
      drain(body);
      throw new CrmError('unprocessable', 'DOCUMENT.INVALID_NAME', nameMessage(problem), { name: to.name, problem });
    }
    const name = cleanFileName(to.name);
    // The record first: bytes for a record that is not there are never read.
    await records.get(to.recordKind, principal, to.recordId);
    if (claim) {
      const replay = await store.replayOf('document', principal.tenantId, claim);
      if (replay) {
        drain(body);
        return { record: replay, replayed: true };
      }
    }
    const limits = await this.deps.limitsOf(principal.tenantId);
    if ((options.declaredBytes ?? 0) > limits.maxFileMb * MB) {
      drain(body);
      throw fileTooLarge(name, limits.maxFileMb * MB);
    }
    const type = fileTypeOfName(name);
    const kept = await this.keep(principal.tenantId, name, type, body, limits.maxFileMb * MB);
    // `keep` refuses a name that gives no type: there is one here.
    return this.record(principal, kept, { ...linksFor(to.recordKind, to.recordId), name, contentType: type!.contentType, source: 'upload' }, claim);
  }

  /**
   * Streams a file through the checks into the file store. The checks' refusal (type, size) is the error thrown, with
   * nothing kept; a file whose name gives no type Rapport keeps is refused before a byte is read.
   */
  async keep(tenantId: string, name: string, type: FileType | null, content: Readable, maxBytes: number): Promise<KeptFile> {
    if (!type) {
      drain(content);
      throw contentRefused(name, 'not-allowed', undefined);
    }
    const check = new FileCheck(name, type, maxBytes);
    const fileKey = randomUUID();
    let refusal: unknown = null;
    const checked = pipeline(content, check, (error) => {
      refusal ??= error;
    });
    try {
      await this.deps.files.put(tenantId, fileKey, checked, type.contentType);
    } catch (error) {
      // The source is let go at once (a Graph response would otherwise hold its socket until its deadline).
      checked.destroy();
      await this.deps.files.remove(tenantId, fileKey);
      // The SDK may wrap the stream's error: the check's own refusal is what the caller is told.
      throw refusal instanceof CrmError ? refusal : error;
    }
    return { fileKey, size: check.bytes, sha256: check.digest() };
  }

  /** Writes the document for kept bytes (under `id` when given); when the write is refused (or a retry finds the first), the bytes go. */
  async record(
    actor: Actor,
    kept: KeptFile,
    { id, ...fields }: Partial<Document> & Pick<Document, 'name' | 'contentType' | 'source'>,
    claim?: IdempotencyClaim,
  ): Promise<CreateResult<Document>> {
    try {
      const result = await this.deps.records.writer.add('document', actor, { contactIds: [], ...fields, ...kept }, { ...(claim ? { claim } : {}), ...(id ? { id } : {}) });
      if (result.replayed) await this.deps.files.remove(actor.tenantId, kept.fileKey);
      return result;
    } catch (error) {
      await this.deps.files.remove(actor.tenantId, kept.fileKey);
      throw error;
    }
  }

  /** Whether a document (live or deleted) has this id. */
  async exists(tenantId: string, id: string): Promise<boolean> {
    return (await this.deps.store.get('document', tenantId, id)) !== null || (await this.deps.store.getDeleted('document', tenantId, id)) !== null;
  }

  /** Which of these ids are documents (live or deleted). */
  async existing(tenantId: string, ids: readonly string[]): Promise<string[]> {
    const found = await Promise.all(ids.map(async (id) => ((await this.exists(tenantId, id)) ? id : null)));
    return found.filter((id): id is string => id !== null);
  }

  /** Forgets kept bytes that will have no document. */
  forget(tenantId: string, kept: KeptFile): Promise<void> {
    return this.deps.files.remove(tenantId, kept.fileKey);
  }

  async list(principal: Principal, of: { recordKind: DocumentRecordKind; recordId: string }, page: { limit: number; cursor?: string | undefined }): Promise<Page<Document>> {
    await this.deps.records.get(of.recordKind, principal, of.recordId);
    return this.deps.store.list('document', principal.tenantId, { ...page, linkedTo: { kind: of.recordKind, id: of.recordId } });
  }

  /** A document, unless it belongs to a record the caller may not read (an expense's receipt): then it is not found either. */
  async get(principal: Principal, id: string): Promise<Document> {
    const document = await this.deps.records.get('document', principal, id);
    for (const [field, kind] of Object.entries(documentRecordFields) as [DocumentRecordField, DocumentRecordKind][]) {
      const recordId = (document as Record<string, unknown>)[field];
      if (typeof recordId === 'string' && isPrivateKind(kind) && !(await this.deps.records.canRead(kind, principal, recordId))) throw notFound('document', id);
    }
    return document;
  }

  /** The document and its bytes, streamed; any member may read a tenant's documents, as its records. */
  async content(principal: Principal, id: string): Promise<{ document: Document; content: Readable }> {
    const document = await this.get(principal, id);
    const content = await this.deps.files.get(principal.tenantId, document.fileKey);
    // A document whose bytes are gone is a fault of Rapport's, not a missing record: logged, and a 500.
    if (!content) throw new Error(`Document ${principal.tenantId}/${id} has no bytes under ${document.fileKey}`);
    return { document, content };
  }

  /** Soft: the bytes stay, so a restore brings the document back whole. Its owner (who added it), a manager or an admin. */
  async remove(principal: Principal, id: string, expectedVersion: number): Promise<void> {
    // A receipt of an expense the caller may not read is not found for them, as it is not to read.
    await this.get(principal, id);
    return this.deps.records.remove('document', principal, id, expectedVersion);
  }

  restore(principal: Principal, id: string, expectedVersion: number): Promise<Document> {
    return this.deps.records.restore('document', principal, id, expectedVersion);
  }
}

/**
 * Lets a body the API will not read flow away unread; a client that goes away meanwhile is no error of the process's
 * (an unheard stream error would end it).
 */
function drain(body: Readable): void {
  body.on('error', () => undefined);
  body.resume();
}

function nameMessage(problem: NonNullable<ReturnType<typeof fileNameProblem>>): string {
  switch (problem) {
    case 'empty':
      return 'The file needs a name.';
    case 'path':
      return 'A file name cannot contain / or \\: give the name alone, without folders.';
    case 'control':
      return 'The file name contains invisible or direction-changing characters: rename the file.';
    case 'too-long':
      return 'The file name is too long: shorten it.';
  }
}
