import { createLogger } from '@liaison/observability';
import { createRequestContext } from './request-context.js';

describe('createRequestContext', () => {
  const make = () =>
    createRequestContext({ requestId: 'r1', principal: null, logger: createLogger({ level: 'silent' }) });

  it('remembers the highest position written', () => {
    const context = make();
    expect(context.highestWrite()).toBeNull();
    context.recordWrite(12);
    context.recordWrite(7);
    expect(context.highestWrite()).toBe(12);
  });

  it('refuses positions that are not non-negative safe integers', () => {
    expect(() => make().recordWrite(-1)).toThrow(
      'recordWrite expects a non-negative safe integer log position; received -1',
    );
    expect(() => make().recordWrite(1.5)).toThrow(/received 1.5/);
  });

  it('gives each request its own loaders', () => {
    expect(make().loaders).not.toBe(make().loaders);
  });
});
