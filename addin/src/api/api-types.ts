// Types only: the request and response of every route, read from the shared contract and the kind definitions.
// Nothing here reaches the pane's JavaScript (zod stays out of its bundle).
import type { z } from 'zod';
import type { OperationName, Operations } from '@rapport/shared/contract/api.contract';
import type { ApiRoute } from '@rapport/shared/contract/route';
import type { ApiOf, CrudKind, RecordOf } from '@rapport/shared/kinds/kinds';

/** What a route answers, as the API sends it (`void` for 204; a file's bytes as a Blob for a 200 without a schema). */
export type ResponseOf<R extends ApiRoute> = R['success'] extends { schema: infer S extends z.ZodType }
  ? z.output<S>
  : R['success'] extends { status: 200 }
    ? Blob
    : void;

type Part<R, In extends 'params' | 'query' | 'body'> = R extends { [P in In]: infer S extends z.ZodType }
  ? object extends z.input<S>
    ? { [P in In]?: z.input<S> }
    : { [P in In]: z.input<S> }
  : object;

/** What a call of a route takes: its path parameters, query and body, the version it read (If-Match) and its idempotency key. */
export type RequestOf<R extends ApiRoute> = Part<R, 'params'> &
  Part<R, 'query'> &
  Part<R, 'body'> &
  // An upload's body is the file's bytes.
  (R extends { upload: true } ? { body: Blob } : object) &
  (R extends { ifMatch: true } ? { version: number } : object) &
  (R extends { idempotent: true } ? { key: string } : object);

// Computed per operation first: a call's request is then one lookup, never the intersection of every route's parts
// (which, taken over all the operations at once, makes a union too large for the compiler).
type OperationRequests = { [N in OperationName]: RequestOf<Operations[N]> };
type OperationResponses = { [N in OperationName]: ResponseOf<Operations[N]> };
export type OperationRequest<N extends OperationName> = OperationRequests[N];
export type OperationResponse<N extends OperationName> = OperationResponses[N];

/** A record of a kind, as the API answers it. */
export type RecordFor<K extends CrudKind> = RecordOf[K];
/** What creating a record of the kind takes (before defaults). */
export type CreateInput<K extends CrudKind> = z.input<ApiOf<K>['input']>;
/** What changing a record of the kind takes: a left-out field is kept, `null` clears an optional one. */
export type ChangeInput<K extends CrudKind> = z.input<ApiOf<K>['patch']>;
/** The options of a kind's create (a contact's `duplicates=allow`). */
export type CreateOptions<K extends CrudKind> = ApiOf<K> extends { createQuery: infer Q extends z.ZodType } ? z.input<Q> : never;
/** The list filters of a kind, e.g. `{ companyId }`. */
export type ListQuery<K extends CrudKind> = { limit?: number; cursor?: string } & Partial<Record<ApiOf<K>['filters'][number], string>>;

type ActionsOf<K extends CrudKind> = ApiOf<K> extends { actions: infer A } ? A : Record<never, never>;
/** The actions of a kind besides changing fields (a tip's upvote). */
export type ActionName<K extends CrudKind> = keyof ActionsOf<K> & string;
export type ActionBody<K extends CrudKind, A extends ActionName<K>> = ActionsOf<K>[A] extends { body: infer S extends z.ZodType } ? z.input<S> : never;
