/** Runs the tasks given to it one at a time, in call order. */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A queue for work whose runs must never overlap or overtake each other (a settings read racing
 * a save, a pop-up update racing the next one). A failed task rejects its own caller only; the
 * tasks after it still run.
 */
export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
