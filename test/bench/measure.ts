// Timing helpers: each figure is events per second, and each result is a ratio against a baseline of the same run.

export interface Comparison {
  benchmark: string;
  store: string;
  events: number;
  baseline: { name: string; eventsPerSecond: number };
  subject: { name: string; eventsPerSecond: number };
  ratio: number;
  target: number;
  met: boolean;
}

/** Runs `work` once and returns events per second. */
export async function eventsPerSecond(events: number, work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return events / seconds;
}

/** Alternates baseline and subject `rounds` times and keeps the best of each, so drift hits both alike. */
export async function compare(
  benchmark: string,
  store: string,
  events: number,
  target: number,
  baseline: { name: string; run: () => Promise<number> },
  subject: { name: string; run: () => Promise<number> },
  rounds = 2,
): Promise<Comparison> {
  let best = { baseline: 0, subject: 0 };
  for (let round = 0; round < rounds; round++) {
    best = {
      baseline: Math.max(best.baseline, await baseline.run()),
      subject: Math.max(best.subject, await subject.run()),
    };
  }
  const ratio = best.subject / best.baseline;
  return {
    benchmark,
    store,
    events,
    baseline: { name: baseline.name, eventsPerSecond: Math.round(best.baseline) },
    subject: { name: subject.name, eventsPerSecond: Math.round(best.subject) },
    ratio: Math.round(ratio * 1000) / 1000,
    target,
    met: ratio >= target,
  };
}
