/** What a batch returns for each of its items, in their order: a value, or the item's own error. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export type BatcherOptions = {
  /** The most items one batch takes (DESIGN.md: every batch has a bound). */
  maxItems: number;
  /** Batches in flight at once; the next one collects while these run. */
  maxInFlight: number;
};

/**
 * What the capture path's batchers use (docs/benchmarks.md has the measurements behind it).
 */
export const captureBatching: BatcherOptions = { maxItems: 200, maxInFlight: 1 };

/**
 * Group commit: concurrent callers' items go to the database together, one statement per step
 * and one commit for the whole batch, instead of one of each per item — on a busy server each
 * round trip and each commit costs more CPU than the rows it writes (docs/benchmarks.md).
 *
 * No timer holds an item back: a batch starts at once when fewer than `maxInFlight` run, and
 * whatever arrives meanwhile waits for the next free slot and goes as one batch. An idle
 * server thus handles a lone request as a batch of one, with no added latency.
 *
 * `run` answers each item separately (a refused item does not fail the others). When it
 * throws instead (a deadlock, a lost race the batch cannot sort out), every item of the batch
 * is run again alone, so only the item that caused the error gets it.
 */
export class Batcher<I, O> {
  private readonly queue: { item: I; resolve: (value: O) => void; reject: (e: unknown) => void }[] =
    [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: readonly I[]) => Promise<readonly Settled<O>[]>,
    private readonly options: BatcherOptions,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxItems);
      this.inFlight += 1;
      void this.runBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.startNext();
      });
    }
  }

  private async runBatch(batch: typeof this.queue): Promise<void> {
    let results: readonly Settled<O>[];
    try {
      results = await this.run(batch.map((entry) => entry.item));
      if (results.length !== batch.length) {
        throw new Error(`A batch of ${batch.length} answered ${results.length} items`);
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      await Promise.all(batch.map((entry) => this.runAlone(entry)));
      return;
    }
    results.forEach((result, index) => {
      const entry = batch[index];
      if (!entry) return;
      if (result.ok) entry.resolve(result.value);
      else entry.reject(result.error);
    });
  }

  private async runAlone(entry: (typeof this.queue)[number]): Promise<void> {
    try {
      const [result] = await this.run([entry.item]);
      if (!result) throw new Error('A batch of 1 answered no item');
      if (result.ok) entry.resolve(result.value);
      else entry.reject(result.error);
    } catch (error) {
      entry.reject(error);
    }
  }
}

/** Runs `work` for one item and captures its error as that item's answer. */
export async function settle<T>(work: () => Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error };
  }
}
