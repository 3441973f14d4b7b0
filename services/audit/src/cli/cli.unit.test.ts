// The command-line tools' argument parsing, report rendering and progress bar.
import { parseExportArguments } from './audit-export.js';
import { describeReport } from './audit-verify.js';
import { ProgressBar } from './progress-bar.js';

describe('audit command line', () => {
  it('parses an export selection', () => {
    expect(
      parseExportArguments([
        '--format',
        'csv',
        '--out',
        'x.csv',
        '--category',
        'station',
        '--category',
        'jurisdiction',
        '--from-time',
        '2026-01-01T08:00:00+08:00',
        '--to-position',
        '100',
      ]),
    ).toEqual({
      format: 'csv',
      out: 'x.csv',
      selection: {
        categories: ['station', 'jurisdiction'],
        fromTime: '2026-01-01T00:00:00.000Z',
        toPosition: 100,
      },
    });
    expect(parseExportArguments([])).toEqual({ format: 'ndjson', out: null, selection: {} });
  });

  it('refuses bad arguments saying what was expected', () => {
    expect(() => parseExportArguments(['--format', 'xml'])).toThrow('expected ndjson or csv, received xml');
    expect(() => parseExportArguments(['--from-position', '0'])).toThrow(
      'expected a position ≥ 1, received 0',
    );
    expect(() => parseExportArguments(['--to-time', 'yesterday'])).toThrow('expected an ISO-8601 time');
    expect(() => parseExportArguments(['--colour', 'red'])).toThrow();
  });

  it('describes a broken log with its first broken link', () => {
    const text = describeReport({
      ok: false,
      eventsVerified: 10,
      streamsVerified: 2,
      checkpointsVerified: 1,
      lastCheckpoint: null,
      unsealedEvents: 3,
      rootHash: '',
      firstProblem: {
        kind: 'HASH_MISMATCH',
        message: 'thing-1@3: stored hash a, but the stored fields hash to b',
        streamId: 'thing-1',
        streamPosition: 3,
        globalPosition: 8,
      },
      problems: [],
      truncated: false,
    });
    expect(text).toContain('BROKEN: thing-1@3');
    expect(text).toContain(
      'first broken link: HASH_MISMATCH at stream thing-1 position 3, global position 8',
    );
    expect(text).toContain('3 events not covered by a verified checkpoint');
  });

  it('draws progress only on a TTY', () => {
    const written: string[] = [];
    const tty = new ProgressBar({ isTTY: true, columns: 80, write: (t: string) => written.push(t) });
    tty.update(50, 100);
    tty.update(100, 100);
    tty.finish();
    expect(written[0]).toMatch(/^\r\[#+\.+\]\s+50%\s+50 \/ 100 events/);
    expect(written.at(-1)).toBe('\n');
    const piped: string[] = [];
    const notTty = new ProgressBar({ isTTY: false, write: (t: string) => piped.push(t) });
    notTty.update(1, 2);
    notTty.finish();
    expect(piped).toEqual([]);
  });
});
