import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import {
  deleteDocumentRoute,
  documentContentRoute,
  getDocumentRoute,
  listDocumentsRoute,
  previewOf,
  restoreDocumentRoute,
  uploadDocumentRoute,
  wellFormed,
  type Document,
} from '@rapport/shared';
import type { DocumentService } from '../documents/documents.service';
import { bindRoute, requestHash, type BindDependencies, type RouteBinding } from '../http/bind-route';
import { readIdempotencyKey, requireIfMatch } from '../http/request';
import { json, noContent, recordResponse } from '../http/responses';

export function documentRouteBindings(deps: BindDependencies, documents: DocumentService): RouteBinding[] {
  return [
    bindRoute(deps, uploadDocumentRoute, async ({ principal, query, request }) => {
      const key = readIdempotencyKey(request);
      const claim = key ? { userId: principal.userId, key, requestHash: requestHash('document', query) } : undefined;
      const body = request.body ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>) : Readable.from([]);
      const declared = request.headers.get('content-length');
      const { record, replayed } = await documents.upload(principal, query, body, { claim, declaredBytes: declared ? Number(declared) : undefined });
      return recordResponse(record, 201, { location: `/api/documents/${record.id}`, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) });
    }),
    bindRoute(deps, listDocumentsRoute, async ({ principal, query }) =>
      json(200, await documents.list(principal, query, { limit: query.limit, cursor: query.cursor })),
    ),
    bindRoute(deps, getDocumentRoute, async ({ principal, params }) => recordResponse(await documents.get(principal, params.id))),
    bindRoute(deps, documentContentRoute, async ({ principal, params, query }) => {
      const { document, content } = await documents.content(principal, params.id);
      return {
        status: 200,
        body: content,
        headers: {
          'content-type': document.contentType,
          'content-length': String(document.size),
          'content-disposition': contentDisposition(document, query.disposition),
          // Whatever a file holds, it runs nothing here: no scripts, no plugins, no framing by other sites.
          'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
          etag: `"${document.version}"`,
        },
      };
    }),
    bindRoute(deps, deleteDocumentRoute, async ({ principal, params, request }) => {
      await documents.remove(principal, params.id, requireIfMatch(request, 'document'));
      return noContent();
    }),
    bindRoute(deps, restoreDocumentRoute, async ({ principal, params, request }) =>
      recordResponse(await documents.restore(principal, params.id, requireIfMatch(request, 'document'))),
    ),
  ];
}

/** Inline only for what the pane previews (images, PDFs); everything else is saved. The name in both RFC 6266 forms. */
function contentDisposition(document: Document, asked: 'attachment' | 'inline'): string {
  const disposition = asked === 'inline' && previewOf(document.contentType) ? 'inline' : 'attachment';
  const fallback = document.name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  // RFC 8187's attr-char leaves out what encodeURIComponent keeps: ' ( ) *.
  const encoded = encodeURIComponent(wellFormed(document.name)).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
