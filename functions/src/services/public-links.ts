import { randomBytes } from 'node:crypto';
import { CrmError, type RecordKind } from '@rapport/shared';
import type { PublicLink, Store } from '../store/store';

// 128 random bits, as base64url: 22 characters.
const KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A new public key: 128 bits from the system's secure random source, never derived from a record or a tenant. */
export function newPublicKey(): string {
  return randomBytes(16).toString('base64url');
}

/** Whether a text has the shape of a public key (which says nothing of whether one was given). */
export function isPublicKey(text: string): boolean {
  return KEY_PATTERN.test(text);
}

/** A new key for a record, kept create-only: 128 random bits never collide in practice, and if they did, another is drawn. */
export async function issuePublicKey(store: Store, target: { tenantId: string; kind: RecordKind; id: string; expiresAt: string }, now: string): Promise<string> {
  for (;;) {
    const key = newPublicKey();
    if (await store.savePublicLink({ key, ...target, createdAt: now })) return key;
  }
}

/** The one answer for a key that opens nothing, whatever the reason: unknown, malformed, another kind's, or withdrawn. */
export const publicLinkNotFound = () =>
  new CrmError('not-found', 'PUBLIC_LINK.NOT_FOUND', 'This link does not open anything. Check that it was copied whole, or ask the sender for a new one.');

/**
 * The one way a page without a token reaches a record (a quote to accept; surveys and tracked links next): a key
 * resolved through the store's tenant-free index to its tenant, kind and record, refused once expired. A key of
 * another kind than the page's, a malformed key and an unknown one are all "not found", alike.
 */
export class PublicLinks {
  constructor(private readonly deps: { store: Store; now: () => Date }) {}

  /** Gives a record a new public key valid until `expiresAt`, and keeps it; a key taken already is never reused. */
  async issue(target: { tenantId: string; kind: RecordKind; id: string; expiresAt: string }): Promise<string> {
    return issuePublicKey(this.deps.store, target, this.deps.now().toISOString());
  }

  /**
   * What the key opens, if it is a key of `kind` and not expired. An expired key is told apart (410), so the page can
   * say what to do; `allowExpired` lets a page show an expired item's own message instead.
   */
  async resolve(key: string, kind: RecordKind, options: { allowExpired?: boolean } = {}): Promise<PublicLink> {
    if (!isPublicKey(key)) throw publicLinkNotFound();
    const link = await this.deps.store.findPublicLink(key);
    if (!link || link.kind !== kind) throw publicLinkNotFound();
    if (!options.allowExpired && link.expiresAt <= this.deps.now().toISOString()) {
      throw new CrmError('gone', 'PUBLIC_LINK.EXPIRED', 'This link has expired. Ask the sender for a new one.');
    }
    return link;
  }
}
