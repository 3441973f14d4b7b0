// Background jobs shared by two processes through leases in a real read store: each job runs in one process
// at a time, and the other takes over when that process stops.
import { closeStoreTargets, testStoreTargets } from '@liaison/testing';
import { BackgroundJobs, type BackgroundJob } from './background-jobs.js';
import { processStores, until } from './test-support.js';

const NAMES = ['reorganisation', 'deadlines'];
// Renewed every third of this: long enough for a loaded machine, short enough for a quick takeover.
const LEASE_MS = 1500;

/** Counts, across processes, how many copies of each job run at once, and the most there ever were. */
class Tally {
  readonly running = new Map<string, number>();
  most = 0;

  job(name: string, process: string, started: string[]): BackgroundJob {
    let on = false;
    return {
      name,
      start: () => {
        if (on) throw new Error(`${name} started twice in ${process}`);
        on = true;
        started.push(name);
        this.running.set(name, (this.running.get(name) ?? 0) + 1);
        this.most = Math.max(this.most, this.running.get(name)!);
      },
      stop: () => {
        if (on) this.running.set(name, this.running.get(name)! - 1);
        on = false;
        return Promise.resolve();
      },
    };
  }
}

afterAll(() => closeStoreTargets());

describe.each(testStoreTargets())('Background jobs shared by lease on $name', (target) => {
  const { readStore } = processStores(target);

  it('runs each job in one process only, and moves them to the other when that one stops', async () => {
    const tally = new Tally();
    const startedA: string[] = [];
    const startedB: string[] = [];
    const lease = (holder: string) => ({ lease: { holder, durationMs: LEASE_MS } });
    const a = new BackgroundJobs(
      await readStore(),
      NAMES.map((name) => tally.job(name, 'a', startedA)),
      lease('process-a'),
    );
    const b = new BackgroundJobs(
      await readStore(),
      NAMES.map((name) => tally.job(name, 'b', startedB)),
      lease('process-b'),
    );
    await a.start();
    await b.start();
    expect(startedA.sort()).toEqual([...NAMES].sort());
    // b keeps asking (every third of the lease) and is refused while a renews.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 1.5));
    expect(startedB).toEqual([]);

    await a.stop();
    expect([...tally.running.values()]).toEqual([0, 0]);
    await until(() => startedB.length === NAMES.length, 10_000);
    expect(startedB.sort()).toEqual([...NAMES].sort());
    expect(tally.most).toBe(1);
    await b.stop();
    expect([...tally.running.values()]).toEqual([0, 0]);
  });

  it('runs every job in this process when there are no leases', async () => {
    const tally = new Tally();
    const started: string[] = [];
    const jobs = new BackgroundJobs(
      await readStore(),
      NAMES.map((name) => tally.job(name, 'a', started)),
    );
    await jobs.start();
    expect(started.sort()).toEqual([...NAMES].sort());
    await jobs.stop();
    expect([...tally.running.values()]).toEqual([0, 0]);
  });

  it('refuses two jobs of one name', async () => {
    const tally = new Tally();
    const reads = await readStore();
    expect(() => new BackgroundJobs(reads, [tally.job('x', 'a', []), tally.job('x', 'a', [])])).toThrow(
      'expected background jobs with distinct names',
    );
  });
});
