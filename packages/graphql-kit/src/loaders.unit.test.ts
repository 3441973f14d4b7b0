import DataLoader from 'dataloader';
import { Loaders } from './loaders.js';

describe('Loaders', () => {
  it('creates a loader once per name, lazily, and batches loads through it', async () => {
    const loaders = new Loaders();
    const batches: string[][] = [];
    let created = 0;
    const stations = () =>
      loaders.get('Station', () => {
        created++;
        return new DataLoader<string, string>((ids) => {
          batches.push([...ids]);
          return Promise.resolve(ids.map((id) => `station ${id}`));
        });
      });
    expect(created).toBe(0);
    const names = await Promise.all(['a', 'b', 'a'].map((id) => stations().load(id)));
    expect(names).toEqual(['station a', 'station b', 'station a']);
    expect(created).toBe(1);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('keeps loaders of different names apart and does not share them between requests', () => {
    const first = new Loaders();
    const make = () => new DataLoader<string, string>((ids) => Promise.resolve(ids.map(String)));
    const stations = first.get('Station', make);
    expect(first.get('Deputy', make)).not.toBe(stations);
    expect(first.get('Station', make)).toBe(stations);
    expect(new Loaders().get('Station', make)).not.toBe(stations);
  });
});
