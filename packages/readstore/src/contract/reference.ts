// A plain in-memory model of filter and sort semantics, the yardstick the pagination properties compare with.
import type { CollectionSpec, Filter, FindQuery, ReadDocument, Scalar } from '../read-store.js';
import { containsText } from '../text-match.js';

/** The value at a dotted path when it has the declared kind, else null (missing and null read alike). */
export function valueAt(
  document: ReadDocument,
  path: string,
  spec: CollectionSpec,
): Exclude<Scalar, null> | null {
  if (path === 'id') return document.id;
  let value: unknown = document;
  for (const segment of path.split('.')) {
    value =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)[segment]
        : undefined;
  }
  return typeof value === spec.fields[path]?.kind ? (value as string | number | boolean) : null;
}

/** Orders two non-null values: numbers and booleans naturally, strings by their UTF-8 bytes. */
function compareValues(a: Exclude<Scalar, null>, b: Exclude<Scalar, null>): number {
  if (typeof a === 'string' && typeof b === 'string') return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders values with null lowest. */
function compareNullable(a: Scalar, b: Scalar): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareValues(a, b);
}

/** True when `document` satisfies every condition of `filter`. */
export function matches(document: ReadDocument, filter: Filter, spec: CollectionSpec): boolean {
  return Object.entries(filter).every(([path, condition]) => {
    const value = valueAt(document, path, spec);
    if (condition === null || typeof condition !== 'object') return value === condition;
    if ('eq' in condition) return value === condition.eq;
    if ('ne' in condition) return value !== condition.ne;
    if ('in' in condition) return condition.in.includes(value);
    if ('prefix' in condition) return typeof value === 'string' && value.startsWith(condition.prefix);
    if ('contains' in condition) return typeof value === 'string' && containsText(value, condition.contains);
    if (value === null) return false;
    const { gt, gte, lt, lte } = condition;
    const cmp = (bound: Scalar) => compareNullable(value, bound);
    return (
      (gt === undefined || cmp(gt) > 0) &&
      (gte === undefined || cmp(gte) >= 0) &&
      (lt === undefined || cmp(lt) < 0) &&
      (lte === undefined || cmp(lte) <= 0)
    );
  });
}

/** The ids `find` must return over all pages: filtered, sorted with nulls lowest, `id` ascending last. */
export function expectedIds(
  documents: readonly ReadDocument[],
  query: FindQuery,
  spec: CollectionSpec,
): string[] {
  const keys: Array<readonly [string, 'asc' | 'desc']> = [...(query.sort ?? [])];
  if (!keys.some(([path]) => path === 'id')) keys.push(['id', 'asc']);
  return documents
    .filter((document) => matches(document, query.filter ?? {}, spec))
    .sort((a, b) => {
      for (const [path, direction] of keys) {
        const order = compareNullable(valueAt(a, path, spec), valueAt(b, path, spec));
        if (order !== 0) return direction === 'asc' ? order : -order;
      }
      return 0;
    })
    .map((document) => document.id);
}

/** A small seeded generator, so a failing property run can be repeated exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
