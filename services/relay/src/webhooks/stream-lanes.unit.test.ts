import { setTimeout as sleep } from 'node:timers/promises';
import { runInLanes } from './stream-lanes.js';

interface Item {
  stream: string;
  n: number;
}

const items: Item[] = Array.from({ length: 60 }, (_, n) => ({ stream: `s${n % 7}`, n }));

async function run(lanes: number, stopAt: number | null = null) {
  const started: number[] = [];
  const running = new Set<string>();
  let concurrent = 0;
  let most = 0;
  let halted = false;
  await runInLanes(
    items,
    (item) => item.stream,
    lanes,
    async (item) => {
      expect(running.has(item.stream)).toBe(false);
      running.add(item.stream);
      started.push(item.n);
      most = Math.max(most, ++concurrent);
      await sleep(Math.random() * 4);
      concurrent--;
      running.delete(item.stream);
      if (item.n === stopAt) halted = true;
      return item.n !== stopAt;
    },
    () => halted,
  );
  return { started, most };
}

describe('runInLanes', () => {
  it('runs items in the given order with one lane', async () => {
    const { started, most } = await run(1);
    expect(started).toEqual(items.map((item) => item.n));
    expect(most).toBe(1);
  });

  it('runs several streams at once, each stream in order, up to the lanes', async () => {
    const { started, most } = await run(4);
    expect([...started].sort((a, b) => a - b)).toEqual(items.map((item) => item.n));
    for (let s = 0; s < 7; s++) {
      const ofStream = started.filter((n) => n % 7 === s);
      expect(ofStream).toEqual([...ofStream].sort((a, b) => a - b));
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
  });

  it('takes no more items once halted, and none of a stream after its halted item', async () => {
    const { started } = await run(4, 10);
    expect(started).toContain(10);
    expect(started.length).toBeLessThan(items.length);
    expect(started.filter((n) => n % 7 === 10 % 7 && n > 10)).toEqual([]);
  });

  it('passes on an error after the other lanes finish the item in hand', async () => {
    await expect(
      runInLanes(
        items,
        (item) => item.stream,
        3,
        async (item) => {
          await sleep(1);
          if (item.n === 5) throw new Error('boom');
          return true;
        },
        () => false,
      ),
    ).rejects.toThrow('boom');
  });
});
