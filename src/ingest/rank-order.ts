/**
 * Positions 0, 1, 2… of a ranked list of files, finished in any order, and waits for «every position
 * before k finished». Files read side by side land in their ranked order through it, as if loaded one
 * at a time: a file's transaction opens only once every earlier file's is over, so its batch number,
 * the versions it replaces and the rows it warns are gone are those of a one-at-a-time load.
 */
export class RankOrder {
  /** The lowest position not done yet. */
  private next = 0;
  private readonly done = new Set<number>();
  private readonly waiting: { k: number; resolve: () => void }[] = [];

  /** Resolves once every position before `k` is done. */
  earlierDone(k: number): Promise<void> {
    if (k <= this.next) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push({ k, resolve }));
  }

  /** Position `k` is finished. Idempotent. */
  finish(k: number): void {
    if (k < this.next) return;
    this.done.add(k);
    while (this.done.has(this.next)) {
      this.done.delete(this.next);
      this.next++;
    }
    for (const w of this.waiting.filter((w) => w.k <= this.next)) {
      this.waiting.splice(this.waiting.indexOf(w), 1);
      w.resolve();
    }
  }

  /** The turn of position `k`, as `ingestFile` takes it for its transaction. */
  turn(k: number): FileTurn {
    return { wait: () => this.earlierDone(k), release: () => this.finish(k) };
  }
}

/** A file waits for its turn before its transaction opens, and gives it up once it is over. */
export interface FileTurn {
  wait(): Promise<void>;
  release(): void;
}
