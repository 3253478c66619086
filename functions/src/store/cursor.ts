import { CrmError } from '@rapport/shared';

// A cursor is the sort key and id of the last item of a page, opaque to clients.
export type CursorPosition = { sortKey: string; id: string };

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { sortKey: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/** The error for a cursor this API did not give out. */
export function invalidCursor(): CrmError {
  return new CrmError('invalid', 'REQUEST.INVALID_CURSOR', 'The cursor is not one this API gave out. Start again from the first page.', {
    fields: [{ path: 'cursor', message: 'is not a cursor this API gave out' }],
  });
}

/** A cursor's sort key read as a whole number (a version), or the invalid-cursor error. */
export function cursorNumber(position: CursorPosition): number {
  const value = Number(position.sortKey);
  if (!Number.isSafeInteger(value)) throw invalidCursor();
  return value;
}
