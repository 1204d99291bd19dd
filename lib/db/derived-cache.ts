import Dexie from 'dexie';
import type { CrmDatabase } from './schema';
import { guard } from './errors';

/**
 * A value derived from whole tables (the manager's customer and company lists), built on first
 * use and dropped whenever one of those tables changes, in this context or another (Dexie's
 * `storagemutated`). A build that a change overtook is handed to its callers but not kept.
 */
export class DerivedCache<T> {
  private value: T | null = null;
  private building: Promise<T> | null = null;
  private generation = 0;

  constructor(
    db: CrmDatabase,
    tables: readonly string[],
    private readonly build: () => Promise<T>,
  ) {
    const prefixes = tables.map((table) => `idb://${db.name}/${table}/`);
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((key) => prefixes.some((p) => key.startsWith(p)))) this.invalidate();
    });
  }

  invalidate(): void {
    this.generation += 1;
    this.value = null;
    this.building = null;
  }

  get(): Promise<T> {
    if (this.value !== null) return Promise.resolve(this.value);
    if (this.building) return this.building;
    const generation = this.generation;
    const building = guard(() => this.build()).then((value) => {
      if (generation === this.generation) this.value = value;
      return value;
    });
    this.building = building;
    return building;
  }
}
