import { logFilter } from './log-filter.js';
import { StreamNames } from './stream-names.js';

const names = new StreamNames('t1_');
const event = (category: string, type: string) => ({ category, type });

describe('the port filter as a KurrentDB filter', () => {
  it('keeps to the store own streams when there is no filter', () => {
    const selection = logFilter(names, undefined);
    expect(selection.server).toMatchObject({ filterOn: 'streamName', regex: names.domainStreamRegex });
    expect(selection.matchesNothing).toBe(false);
    expect(selection.matches(event('opinion', 'Anything'))).toBe(true);
  });

  it('filters categories on the server as stream-name prefixes', () => {
    const selection = logFilter(names, { categories: ['opinion', 'station', 'opinion'] });
    expect(selection.server).toMatchObject({
      filterOn: 'streamName',
      prefixes: ['t1_opinion-', 't1_station-'],
    });
    expect(selection.matches(event('opinion', 'OpinionReceived'))).toBe(true);
    expect(selection.matches(event('opinion_box', 'OpinionReceived'))).toBe(false);
  });

  it('filters event types on the server as one anchored regular expression', () => {
    const selection = logFilter(names, { eventTypes: ['OpinionReceived', 'Opinion.Tagged'] });
    expect(selection.server).toMatchObject({ filterOn: 'eventType' });
    const regex = new RegExp((selection.server as { regex: string }).regex);
    expect(regex.test('OpinionReceived')).toBe(true);
    expect(regex.test('Opinion.Tagged')).toBe(true);
    expect(regex.test('OpinionXTagged')).toBe(false);
    expect(regex.test('OpinionReceivedV2')).toBe(false);
    expect(regex.test('$>')).toBe(false);
  });

  it('filters categories on the server and types here when both are given', () => {
    const selection = logFilter(names, { categories: ['station'], eventTypes: ['OpinionTagged'] });
    expect(selection.server).toMatchObject({ filterOn: 'streamName', prefixes: ['t1_station-'] });
    expect(selection.matches(event('station', 'OpinionTagged'))).toBe(true);
    expect(selection.matches(event('station', 'StationOpened'))).toBe(false);
    expect(selection.matches(event('opinion', 'OpinionTagged'))).toBe(false);
  });

  it('matches nothing for an empty list, as the SQL adapter does', () => {
    expect(logFilter(names, { categories: [] }).matchesNothing).toBe(true);
    expect(logFilter(names, { eventTypes: [] }).matchesNothing).toBe(true);
    expect(logFilter(names, { categories: ['opinion'], eventTypes: [] }).matchesNothing).toBe(true);
  });
});
