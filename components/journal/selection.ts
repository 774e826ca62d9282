/**
 * Which calls are selected: some by id, or all that match the filter except some. "All" stays
 * true to the filter as calls arrive, without loading 100,000 ids.
 */
export class Selection {
  private constructor(
    readonly all: boolean,
    private readonly ids: ReadonlySet<string>,
  ) {}

  static none(): Selection {
    return new Selection(false, new Set());
  }

  static everything(): Selection {
    return new Selection(true, new Set());
  }

  has(id: string): boolean {
    return this.all !== this.ids.has(id);
  }

  /** A copy with one call selected or not. */
  toggle(id: string, on: boolean): Selection {
    const ids = new Set(this.ids);
    if (on !== this.all) ids.add(id);
    else ids.delete(id);
    return new Selection(this.all, ids);
  }

  /** Nothing is selected (given `total` matching calls). */
  isEmpty(total: number | null): boolean {
    return this.all ? total !== null && this.ids.size >= total : this.ids.size === 0;
  }

  /** How many are selected, when known. */
  count(total: number | null): number | null {
    if (!this.all) return this.ids.size;
    return total === null ? null : total - this.ids.size;
  }

  /** The explicitly chosen ids (when not `all`). */
  chosen(): string[] {
    return [...this.ids];
  }
}
