import { toConnection } from './to-connection.js';

const page = { items: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], endCursor: 'cursor-c', hasNextPage: true };
const toNode = (item: { id: string }) => ({ name: item.id.toUpperCase() });

describe('toConnection', () => {
  it('maps items to nodes and gives the last edge the page cursor when items have none', () => {
    const connection = toConnection(page, toNode);
    expect(connection.nodes).toEqual([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
    expect(connection.edges.map((edge) => edge.cursor)).toEqual([null, null, 'cursor-c']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: 'cursor-c',
    });
    expect(connection.totalCount).toBeNull();
  });

  it('uses per-item cursors when the source has them', () => {
    const connection = toConnection(page, toNode, {
      cursorOf: (item) => `cursor-${item.id}`,
      after: 'cursor-0',
      totalCount: 7,
    });
    expect(connection.edges.map((edge) => edge.cursor)).toEqual(['cursor-a', 'cursor-b', 'cursor-c']);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: 'cursor-a',
      endCursor: 'cursor-c',
    });
    expect(connection.totalCount).toBe(7);
  });

  it('describes an empty page', () => {
    expect(toConnection({ items: [], endCursor: null, hasNextPage: false }, toNode)).toEqual({
      edges: [],
      nodes: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      totalCount: null,
    });
  });

  it('gives a single-item page the same start and end cursor', () => {
    const connection = toConnection(
      { items: [{ id: 'z' }], endCursor: 'cursor-z', hasNextPage: false },
      toNode,
    );
    expect(connection.pageInfo).toMatchObject({ startCursor: 'cursor-z', endCursor: 'cursor-z' });
  });
});
