// Feed cursors are plain global log positions, so a partner can resume from a position it stored itself.
import { GraphQLError } from 'graphql';

/** The position a cursor names (0 for none); throws BAD_USER_INPUT for anything but a non-negative integer. */
export function positionOf(cursor: string | null | undefined, argument: string): number {
  if (cursor == null || cursor === '') return 0;
  const position = /^\d{1,15}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(position)) {
    throw new GraphQLError(
      `${argument} must be a global log position (a non-negative integer); received ${JSON.stringify(cursor)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return position;
}
