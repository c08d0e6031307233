// A throwaway stack's temporary folder (bench, chaos) and everything the stack started there:
// stop() undoes it all, newest first, ignoring what already failed or exited.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

export type ThrowawayDir = {
  dir: string;
  /** Something to stop before the folder goes (a server, a database). */
  onStop(stop: () => Promise<void>): void;
  stop(): Promise<void>;
};

export async function makeThrowawayDir(prefix: string): Promise<ThrowawayDir> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const stops: Array<() => Promise<void>> = [() => rm(dir, { recursive: true, force: true })];
  return {
    dir,
    onStop: (stop) => void stops.push(stop),
    stop: async () => {
      for (const stop of stops.splice(0).reverse()) await stop().catch(() => {});
    },
  };
}
