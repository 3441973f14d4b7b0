// Relay global object ids: base64url of `Typename:localId`, opaque to clients, decodable by the node resolver.

const TYPENAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** Encodes a type name and that type's own id into a global id. */
export function toGlobalId(typename: string, id: string): string {
  if (!TYPENAME.test(typename))
    throw new Error(`expected a GraphQL type name for a global id; received ${JSON.stringify(typename)}`);
  if (id === '')
    throw new Error(`expected a non-empty id for a global ${typename} id; received an empty string`);
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

/** Decodes a global id; null when it is not one this platform issued (wrong alphabet, no type, no id). */
export function fromGlobalId(globalId: string): { typename: string; id: string } | null {
  if (globalId === '' || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  const typename = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!TYPENAME.test(typename) || id === '') return null;
  // Only the canonical encoding is accepted, so one object never has two ids.
  if (Buffer.from(decoded, 'utf8').toString('base64url') !== globalId) return null;
  return { typename, id };
}
