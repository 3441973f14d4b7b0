// The per-request DataLoader registry: one loader per name per request, so a query touching N items batches them.
import type DataLoader from 'dataloader';

/** Holds a request's DataLoaders by name; a loader is created the first time its name is asked for. */
export class Loaders {
  private readonly byName = new Map<string, DataLoader<unknown, unknown>>();

  /** The loader named `name`, created with `create` on first use. Use one name per entity, e.g. 'Station'. */
  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    const existing = this.byName.get(name);
    if (existing) return existing as unknown as DataLoader<K, V>;
    const created = create();
    this.byName.set(name, created);
    return created;
  }
}
