import { isTitled, referencesOf, referencedIds, titleOf, type Activity, type AnyRecord, type RecordKind, type RelatedNames } from '@rapport/shared';
import type { Store } from '../store/store';

// Bounds on what one answer names, so its cost follows the page, never the records' sizes: an entry's first few
// contacts (the pane names the first), and at most so many records of a kind.
const IDS_PER_REFERENCE = 3;
const NAMES_PER_KIND = 100;

/** Fields of every record that name members: who owns it, who logged it. */
const MEMBER_FIELDS = ['ownerId', 'createdBy'] as const;

/** A record the caller holds already (a lookup's contact, company, deals): named without a read. */
export type KnownRecord = { kind: RecordKind; record: AnyRecord };

/**
 * The names of the records a list of activities points at (see `RelatedNames`): the kinds its references name that
 * have a title (or `only` those), and the members who own and logged them. One bulk read per kind (`Store.getMany`), all
 * at once, of what the caller does not hold already (`known`).
 */
export async function relatedNamesOf(
  store: Store,
  tenantId: string,
  activities: readonly Activity[],
  options: {
    known?: readonly KnownRecord[];
    /** Names the caller holds already (a lookup card's). */
    named?: RelatedNames;
    only?: readonly RecordKind[];
    /** Which records to name (all by default): a lookup card names only those whose changes reach it. */
    keep?: (kind: RecordKind, record: AnyRecord) => boolean;
  } = {},
): Promise<RelatedNames> {
  const wanted = new Map([...wantedIds(activities)].filter(([kind]) => !options.only || options.only.includes(kind)));
  const known = options.known ?? [];
  const held = new Map(known.map(({ kind, record }) => [`${kind}:${record.id}`, record]));
  const names: RelatedNames = {};
  const name = (kind: RecordKind, record: AnyRecord) => {
    if (options.keep && !options.keep(kind, record)) return;
    const title = titleOf(kind, record);
    if (title !== null) (names[kind] ??= {})[record.id] = title;
  };
  await Promise.all(
    [...wanted].map(async ([kind, ids]) => {
      const unread = ids.filter((id) => {
        const given = options.named?.[kind]?.[id];
        if (given !== undefined) {
          (names[kind] ??= {})[id] = given;
          return false;
        }
        const record = held.get(`${kind}:${id}`);
        if (record) name(kind, record);
        return !record;
      });
      if (unread.length > 0) for (const record of await store.getMany(kind, tenantId, unread)) name(kind, record);
    }),
  );
  return names;
}

/** The ids to name, by kind, in the order the activities give them, within the bounds. */
function wantedIds(activities: readonly Activity[]): Map<RecordKind, string[]> {
  const wanted = new Map<RecordKind, Set<string>>();
  const add = (kind: RecordKind, ids: readonly string[]) => {
    const set = wanted.get(kind) ?? new Set<string>();
    for (const id of ids) if (set.size < NAMES_PER_KIND) set.add(id);
    wanted.set(kind, set);
  };
  const named = referencesOf('activity').filter((reference) => isTitled(reference.kind));
  for (const activity of activities) {
    for (const reference of named) add(reference.kind, referencedIds(reference, activity).slice(0, IDS_PER_REFERENCE));
    add('member', MEMBER_FIELDS.map((field) => activity[field]));
  }
  return new Map([...wanted].filter(([, ids]) => ids.size > 0).map(([kind, ids]) => [kind, [...ids]]));
}
