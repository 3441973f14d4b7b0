// Opaque page cursors: base64url JSON of the sort signature and the last item's sort-key values (id last).
import type { Scalar } from '../read-store.js';
import { ReadStoreError } from '../errors.js';
import { fitsKind } from './query-values.js';
import type { SortKey } from './sort-keys.js';

interface CursorBody {
  /** The sort the cursor was made for, e.g. ['name:asc', 'id:asc']; another sort cannot continue it. */
  s: string[];
  /** The sort-key values of the last item, in key order. */
  v: Scalar[];
}

const signature = (keys: readonly SortKey[]) => keys.map((key) => `${key.path}:${key.direction}`);

/** Encodes the sort-key values of a page's last item. */
export function encodeCursor(keys: readonly SortKey[], values: readonly Scalar[]): string {
  const body: CursorBody = { s: signature(keys), v: [...values] };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/** Decodes a cursor made for these sort keys; anything else is INVALID_QUERY saying why. */
export function decodeCursor(keys: readonly SortKey[], cursor: unknown): Scalar[] {
  const invalid = (detail: string) => new ReadStoreError('INVALID_QUERY', `invalid cursor: ${detail}`);
  if (typeof cursor !== 'string' || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalid(
      `expected an endCursor string from a previous page, received ${JSON.stringify(cursor) ?? String(cursor)}`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('expected an endCursor from a previous page, received text that does not decode');
  }
  const { s, v } = (body ?? {}) as Partial<CursorBody>;
  const expected = signature(keys);
  if (!Array.isArray(s) || !Array.isArray(v) || v.length !== keys.length) {
    throw invalid('expected an endCursor from a previous page, received one of another shape');
  }
  if (s.join(',') !== expected.join(',')) {
    throw invalid(`expected a cursor for sort ${expected.join(', ')}, received one for sort ${s.join(', ')}`);
  }
  keys.forEach((key, i) => {
    const value: unknown = v[i];
    if (!(value === null && key.nullable) && !fitsKind(key, value)) {
      throw invalid(
        `expected a ${key.kind} for "${key.path}", received ${JSON.stringify(value) ?? 'nothing'}`,
      );
    }
  });
  return v;
}
