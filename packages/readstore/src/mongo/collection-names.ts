// Where the MongoDB read store keeps things: a MongoDB collection per physical collection, and the registry.
const DOCUMENT_COLLECTION_PREFIX = 'read_doc_';
/** Room below the smallest namespace limit among MongoDB-wire servers, with the database name in front. */
const MAX_NAME_BYTES = 120;

/** Physical collections with their specs and incarnations: `{ _id: name, spec: json, incarnation }`. */
export const COLLECTIONS = 'read_collections';
/** Logical names: `{ _id: logical, physical, incarnation, spec: json }`. */
export const ALIASES = 'read_aliases';
/** Projection checkpoints: `{ _id: name, position }`. */
export const CHECKPOINTS = 'read_checkpoints';
/** Projection leases: `{ _id: name, holder, token, expiresAt }` (milliseconds since the epoch). */
export const LEASES = 'read_leases';

/** The MongoDB collection holding a physical collection's documents; refuses names MongoDB cannot hold. */
export function documentCollectionName(physicalName: string): string {
  const bytes = Buffer.byteLength(physicalName, 'utf8');
  if (bytes === 0 || bytes > MAX_NAME_BYTES || /[\0$]/.test(physicalName)) {
    throw new Error(
      `expected a collection name of 1 to ${MAX_NAME_BYTES} bytes without "$" or NUL, received "${physicalName}" (${bytes} bytes)`,
    );
  }
  return DOCUMENT_COLLECTION_PREFIX + physicalName;
}
