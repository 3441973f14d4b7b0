// The SQL expression of each declared field: find() filters and sorts on it, and indexes are built on it.
import type { CollectionSpec, FieldKind } from '../read-store.js';
import { ReadStoreError } from '../errors.js';

/** A declared field resolved for SQL: its path, kind and the expression over the row. */
export interface ResolvedField {
  path: string;
  kind: FieldKind;
  /** Parenthesised, so it can stand in an index definition as it is. */
  expression: string;
  /** False only for `id`, the primary key column. */
  nullable: boolean;
}

/** The SQL type parameters compared with a field of each kind are cast to. */
export const SQL_TYPE: Readonly<Record<FieldKind, string>> = {
  string: 'text',
  number: 'double precision',
  boolean: 'boolean',
};

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when `path` is one or more identifier-like segments joined by dots, safe inside SQL literals. */
export function isFieldPath(path: string): boolean {
  return path.split('.').every((segment) => SEGMENT.test(segment));
}

/**
 * The expression for a field at `path` of `kind`. A value of another JSON type reads as null, as if missing,
 * so a stray value can neither fail a cast nor compare across types. Strings compare in byte order (C).
 */
export function fieldExpression(path: string, kind: FieldKind): string {
  if (path === 'id') return 'id';
  const segments = path.split('.');
  // Paths are checked against SEGMENT when the collection is created, so they are safe as literals.
  const [json, text] =
    segments.length === 1
      ? [`doc -> '${path}'`, `doc ->> '${path}'`]
      : [`doc #> '{${segments.join(',')}}'`, `doc #>> '{${segments.join(',')}}'`];
  const typed = (value: string) => `CASE WHEN jsonb_typeof(${json}) = '${kind}' THEN ${value} END`;
  const byKind: Record<FieldKind, string> = {
    string: `((${typed(text)}) COLLATE "C")`,
    number: `(${typed(`(${text})::double precision`)})`,
    boolean: `(${typed(`(${text})::boolean`)})`,
  };
  return byKind[kind];
}

/** Resolves a field named in a query, or fails with INVALID_QUERY naming the declared fields. */
export function resolveField(spec: CollectionSpec, path: string, usage: 'filter' | 'sort'): ResolvedField {
  if (path === 'id') return { path, kind: 'string', expression: 'id', nullable: false };
  const declared = Object.hasOwn(spec.fields, path) ? spec.fields[path] : undefined;
  if (!declared) {
    const known = ['id', ...Object.keys(spec.fields)].join(', ');
    throw new ReadStoreError(
      'INVALID_QUERY',
      `cannot ${usage} on "${path}" in ${spec.name}: expected a declared field (${known}), received an undeclared one`,
    );
  }
  return { path, kind: declared.kind, expression: fieldExpression(path, declared.kind), nullable: true };
}
