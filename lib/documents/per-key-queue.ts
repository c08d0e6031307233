// Runs tasks with the same key one after another in this process (others run freely). Invoice
// numbering uses it per store: the store's counter row admits one transaction at a time anyway,
// so the other printers wait here, in memory, instead of each taking one of the pool's few
// connections just to wait on the same row lock (and timing out for a connection under a burst).
// Only an economy: across instances the row lock alone keeps numbers gap-free and unique.

const tails = new Map<string, Promise<void>>();

export function runInQueue<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
