import { describe, expect, it } from 'vitest';
import { Batcher, type Settled } from './batcher.js';

/** A batcher whose batches are recorded and answered once `release` is called. */
function recordingBatcher(answer: (item: number) => Settled<string>, maxInFlight = 1) {
  const batches: number[][] = [];
  const pending: (() => void)[] = [];
  const batcher = new Batcher<number, string>(
    async (items) => {
      batches.push([...items]);
      await new Promise<void>((resolve) => pending.push(resolve));
      if (items.includes(13) && items.length > 1) throw new Error('unlucky batch');
      return items.map(answer);
    },
    { maxItems: 3, maxInFlight },
  );
  const release = () => {
    for (const resolve of pending.splice(0)) resolve();
  };
  return { batcher, batches, release };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher (group commit)', () => {
  it('runs a lone item at once, and what arrives meanwhile as the next batches, within the bound', async () => {
    const { batcher, batches, release } = recordingBatcher((n) => ({ ok: true, value: `#${n}` }));
    const first = batcher.submit(1);
    await flush();
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4, 5].map((n) => batcher.submit(n));
    await flush();
    expect(batches).toHaveLength(1);
    release();
    await first;
    await flush();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release();
    await flush();
    release();
    expect(await Promise.all([first, ...rest])).toEqual(['#1', '#2', '#3', '#4', '#5']);
    expect(batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('answers each item with its own value or refusal', async () => {
    const { batcher, release } = recordingBatcher((n) =>
      n % 2 === 0 ? { ok: true, value: `#${n}` } : { ok: false, error: new Error(`odd ${n}`) },
    );
    const answers = [0, 1, 2].map((n) => batcher.submit(n).catch((error: Error) => error.message));
    await flush();
    release();
    await flush();
    release();
    expect(await Promise.all(answers)).toEqual(['#0', 'odd 1', '#2']);
  });

  it('runs every item of a batch that throws again alone, so only the culprit gets the error', async () => {
    const { batcher, batches, release } = recordingBatcher((n) => {
      if (n === 13) throw new Error('13 fails alone too');
      return { ok: true, value: `#${n}` };
    });
    const lone = batcher.submit(0);
    await flush();
    const answers = [12, 13, 14].map((n) =>
      batcher.submit(n).catch((error: Error) => error.message),
    );
    release();
    await lone;
    for (let round = 0; round < 5; round += 1) {
      await flush();
      release();
    }
    expect(await Promise.all(answers)).toEqual(['#12', '13 fails alone too', '#14']);
    expect(batches.slice(1)).toEqual([[12, 13, 14], [12], [13], [14]]);
  });

  it('keeps up to maxInFlight batches running at once', async () => {
    const { batcher, batches, release } = recordingBatcher(
      (n) => ({ ok: true, value: `#${n}` }),
      2,
    );
    const answers = [1, 2, 3].map((n) => batcher.submit(n));
    await flush();
    expect(batches).toEqual([[1], [2]]);
    release();
    await flush();
    expect(batches).toEqual([[1], [2], [3]]);
    release();
    expect(await Promise.all(answers)).toEqual(['#1', '#2', '#3']);
  });
});
