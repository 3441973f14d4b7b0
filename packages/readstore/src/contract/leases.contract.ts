// Contract: leases (one holder at a time, taken over after expiry), and commits and alias swaps fenced by a
// lease's token.
import type { Fence, Lease } from '../read-store.js';
import { expectReadStoreError, put, spec, storePerTest, type ReadStoreFactory } from './fixtures.js';

const notes = spec('notes', { title: { kind: 'string' } });
const fenceOf = (lease: Lease): Fence => ({ lease: lease.name, holder: lease.holder, token: lease.token });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** acquireLease, releaseLease, fenced commits and fenced alias swaps. */
export function describeLeases(factory: ReadStoreFactory): void {
  describe('leases', () => {
    const ctx = storePerTest(factory);

    it('gives a free lease to one holder, refuses it to another while it runs, and renews it with the same token', async () => {
      const { store } = ctx;
      const before = Date.now();
      const first = await store.acquireLease('p', 'a', 60_000);
      expect(first).toMatchObject({ name: 'p', holder: 'a', token: 1 });
      expect(first!.expiresAt).toBeGreaterThan(before + 50_000);
      expect(await store.acquireLease('p', 'b', 60_000)).toBeNull();
      // Another name is another lease.
      expect(await store.acquireLease('q', 'b', 60_000)).toMatchObject({ holder: 'b', token: 1 });
      await sleep(5);
      const renewed = await store.acquireLease('p', 'a', 120_000);
      expect(renewed).toMatchObject({ name: 'p', holder: 'a', token: 1 });
      expect(renewed!.expiresAt).toBeGreaterThan(first!.expiresAt);
    });

    it('lets another holder take an expired lease with a greater token, and refuses the old holder’s fenced commit', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      // Long enough for the first commit to land inside it on a loaded machine; then wait it out.
      const stale = (await store.acquireLease('p', 'a', 2_000))!;
      await store.commit(
        [put('notes_1', 1, { id: 'x', title: 'from a' })],
        [{ name: 'notes_1', position: 1 }],
        fenceOf(stale),
      );
      await sleep(Math.max(0, stale.expiresAt - Date.now()) + 100);
      const taken = (await store.acquireLease('p', 'b', 60_000))!;
      expect(taken).toMatchObject({ holder: 'b', token: 2 });

      await expectReadStoreError(
        store.commit(
          [
            put('notes_1', 5, { id: 'x', title: 'stale a' }),
            put('notes_1', 5, { id: 'y', title: 'stale a' }),
          ],
          [{ name: 'notes_1', position: 5 }],
          fenceOf(stale),
        ),
        'LEASE_LOST',
      );
      const stored = await store.getMany('notes_1', ['x', 'y']);
      expect([...stored.values()]).toEqual([{ document: { id: 'x', title: 'from a' }, position: 1 }]);
      expect(await store.getCheckpoint('notes_1')).toBe(1);
      // The old holder cannot renew either, and comes back only with a new token once the lease is free.
      expect(await store.acquireLease('p', 'a', 60_000)).toBeNull();

      await store.commit(
        [put('notes_1', 5, { id: 'x', title: 'from b' })],
        [{ name: 'notes_1', position: 5 }],
        fenceOf(taken),
      );
      expect((await store.getMany('notes_1', ['x'])).get('x')).toEqual({
        document: { id: 'x', title: 'from b' },
        position: 5,
      });
      expect(await store.getCheckpoint('notes_1')).toBe(5);
    });

    it('refuses a fenced commit once the lease ran out, and starts a new token for the same holder after expiry', async () => {
      const { store } = ctx;
      const lease = (await store.acquireLease('p', 'a', 50))!;
      await sleep(120);
      await expectReadStoreError(
        store.commit([], [{ name: 'p', position: 3 }], fenceOf(lease)),
        'LEASE_LOST',
      );
      expect(await store.getCheckpoint('p')).toBe(0);
      const again = (await store.acquireLease('p', 'a', 60_000))!;
      expect(again.token).toBe(2);
      await expectReadStoreError(
        store.commit([], [{ name: 'p', position: 3 }], fenceOf(lease)),
        'LEASE_LOST',
      );
      await store.commit([], [{ name: 'p', position: 3 }], fenceOf(again));
      expect(await store.getCheckpoint('p')).toBe(3);
    });

    it('frees a released lease at once, and a release with a lost token changes nothing', async () => {
      const { store } = ctx;
      const lease = (await store.acquireLease('p', 'a', 60_000))!;
      await store.releaseLease(lease);
      const taken = (await store.acquireLease('p', 'b', 60_000))!;
      expect(taken).toMatchObject({ holder: 'b', token: 2 });
      await store.releaseLease(lease);
      expect(await store.acquireLease('p', 'a', 60_000)).toBeNull();
    });

    it('moves a fenced alias only while its lease is held', async () => {
      const { store } = ctx;
      await store.createCollection('notes_1', notes);
      await store.createCollection('notes_2', notes);
      const lease = (await store.acquireLease('p', 'a', 60_000))!;
      await store.setAlias('notes', 'notes_1', fenceOf(lease));
      expect(await store.getAlias('notes')).toBe('notes_1');

      await store.releaseLease(lease);
      const taken = (await store.acquireLease('p', 'b', 60_000))!;
      await expectReadStoreError(store.setAlias('notes', 'notes_2', fenceOf(lease)), 'LEASE_LOST');
      expect(await store.getAlias('notes')).toBe('notes_1');
      await expectReadStoreError(store.setAlias('notes', 'notes_3', fenceOf(taken)), 'COLLECTION_NOT_FOUND');
      await store.setAlias('notes', 'notes_2', fenceOf(taken));
      expect(await store.getAlias('notes')).toBe('notes_2');
    });
  });
}
