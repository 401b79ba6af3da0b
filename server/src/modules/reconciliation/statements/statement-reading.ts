import type { StatementLine, StatementSummary } from '../statement-line.js';

/** A statement being read: lines while the file streams, then its checked summary. */
export type StatementRead = {
  lines: AsyncIterable<StatementLine>;
  summary: Promise<StatementSummary>;
};

/**
 * Turns a reader's generator (which yields the lines and returns the summary it checked) into
 * a `StatementRead`. The summary settles when the lines end: with the summary, with the
 * reader's error, or with an error when the caller stopped reading early. The rejection is
 * marked handled here, so a caller that reads only the lines never sees an unhandled
 * rejection; one that awaits the summary still receives it. The lines can be read once.
 */
export function startStatementRead(
  produce: () => AsyncGenerator<StatementLine, StatementSummary, undefined>,
): StatementRead {
  let resolveSummary: (summary: StatementSummary) => void = () => undefined;
  let rejectSummary: (error: unknown) => void = () => undefined;
  const summary = new Promise<StatementSummary>((resolve, reject) => {
    resolveSummary = resolve;
    rejectSummary = reject;
  });
  summary.catch(() => undefined);
  let started = false;

  const lines: AsyncIterable<StatementLine> = {
    [Symbol.asyncIterator](): AsyncIterator<StatementLine> {
      if (started) throw new Error('A statement can be read only once');
      started = true;
      const generator = produce();
      return {
        async next() {
          try {
            const step = await generator.next();
            if (!step.done) return step;
            resolveSummary(step.value);
            return { done: true, value: undefined };
          } catch (error) {
            rejectSummary(error);
            throw error;
          }
        },
        async return() {
          rejectSummary(
            new Error('The statement was not read to its end; its summary is unchecked'),
          );
          // Lets the reader's finally blocks run, which close the source.
          await generator.return(undefined as never).catch(() => undefined);
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { lines, summary };
}
