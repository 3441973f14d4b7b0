// The commit as ONE statement: a bulk upsert per collection and the checkpoints, as data-modifying CTEs.
import { latestWrites } from '../latest-writes.js';
import type { CheckpointWrite, DocumentWrite, Fence } from '../read-store.js';
import { documentTable } from './registry.js';
import { SqlParameters } from './sql-parameters.js';

export interface CommitStatement {
  text: string;
  values: unknown[];
  /** The physical collections the statement writes, with the number of rows for each. */
  collections: Map<string, number>;
}

/**
 * Builds the statement for `commit`, or null when there is nothing to write. A single statement is atomic
 * on its own, so writes and checkpoints land together in one round trip. Each collection's rows travel as one
 * JSON parameter; a row replaces the stored one only when its position is greater (a null document is a
 * tombstone that keeps its position), and so does a checkpoint. Within one commit the highest position per id
 * wins. With a fence, the result's `fenced` is 0 when the lease was lost and nothing was written.
 */
export function commitStatement(
  writes: readonly DocumentWrite[],
  checkpoints: readonly CheckpointWrite[],
  fence?: Fence,
): CommitStatement | null {
  const byCollection = latestWrites(writes);
  const latestCheckpoints = new Map(checkpoints.map((checkpoint) => [checkpoint.name, checkpoint]));
  if (byCollection.size === 0 && latestCheckpoints.size === 0) return null;

  const params = new SqlParameters();
  const steps: string[] = [];
  // The fence locks its lease row (FOR SHARE) for the statement: a takeover waits until the writes are done,
  // and one that committed first leaves no row, so every write below is skipped.
  let fenced = '';
  if (fence) {
    steps.push(`SELECT 1 FROM read_leases WHERE name = ${params.add(fence.lease, 'text')}
    AND holder = ${params.add(fence.holder, 'text')} AND token = ${params.add(fence.token, 'bigint')}
    AND expires_at > now() FOR SHARE`);
    fenced = ' WHERE EXISTS (SELECT 1 FROM s0)';
  }
  for (const [collection, rows] of byCollection) {
    const batch = [...rows.values()].map(({ id, position, document }) => ({ id, position, document }));
    const json = params.add(JSON.stringify(batch), 'jsonb');
    steps.push(`INSERT INTO ${documentTable(collection)} AS t (id, position, doc)
  SELECT r.id, r.position, r.document FROM jsonb_to_recordset(${json}) AS r(id text, position bigint, document jsonb)${fenced}
  ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, doc = EXCLUDED.doc
  WHERE t.position < EXCLUDED.position`);
  }
  if (latestCheckpoints.size > 0) {
    const json = params.add(JSON.stringify([...latestCheckpoints.values()]), 'jsonb');
    steps.push(`INSERT INTO read_checkpoints AS c (name, position)
  SELECT r.name, r.position FROM jsonb_to_recordset(${json}) AS r(name text, position bigint)${fenced}
  ON CONFLICT (name) DO UPDATE SET position = EXCLUDED.position, updated_at = now()
  WHERE c.position < EXCLUDED.position`);
  }
  const done = fence ? '(SELECT count(*) FROM s0) AS fenced' : '1 AS fenced';
  const text = `WITH ${steps.map((step, i) => `s${i} AS (\n  ${step}\n)`).join(',\n')}\nSELECT ${done}`;
  return {
    text,
    values: params.values,
    collections: new Map([...byCollection].map(([collection, rows]) => [collection, rows.size])),
  };
}
