// Checks a collection declaration once, when the collection is created, and compares declarations.
import type { CollectionSpec, FieldKind } from '../read-store.js';
import { isFieldPath } from './field-expressions.js';

const KINDS: readonly FieldKind[] = ['string', 'number', 'boolean'];

/** Throws when `spec` declares a path, kind or index the adapter cannot serve; says what was received. */
export function assertCollectionSpec(physicalName: string, spec: CollectionSpec): void {
  const problem = (detail: string) => new Error(`invalid spec for collection ${physicalName}: ${detail}`);
  for (const [path, field] of Object.entries(spec.fields)) {
    if (!isFieldPath(path)) {
      throw problem(
        `expected field paths of letters, digits and underscores joined by dots, received "${path}"`,
      );
    }
    if (!KINDS.includes(field.kind)) {
      throw problem(
        `expected the kind of "${path}" to be one of ${KINDS.join(', ')}, received "${String(field.kind)}"`,
      );
    }
    if (path === 'id' && field.kind !== 'string') {
      throw problem(`expected "id" to be a string field, received "${field.kind}"`);
    }
  }
  for (const index of spec.indexes ?? []) {
    if (index.fields.length === 0)
      throw problem('expected an index to name at least one field, received none');
    for (const path of index.fields) {
      if (path !== 'id' && !Object.hasOwn(spec.fields, path)) {
        throw problem(`expected index fields among the declared fields, received "${path}"`);
      }
    }
  }
}

/** The spec as stored: defaults filled in, so equal declarations compare equal. */
export function normalizeSpec(spec: CollectionSpec): CollectionSpec {
  return {
    name: spec.name,
    fields: Object.fromEntries(
      Object.entries(spec.fields).map(([path, field]) => [path, { kind: field.kind }]),
    ),
    indexes: (spec.indexes ?? []).map((index) => ({
      fields: [...index.fields],
      unique: index.unique ?? false,
    })),
  };
}

/** JSON with object keys sorted, so two equal specs compare equal however they were written or stored. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
