// The overload run's load generator on a core of its own (Linux, taskset). TribeMade's requests come
// from other machines; here the generator shared two cores with the app server and PostgreSQL, and
// at twice the server's capacity it fell seconds behind its own schedule and took the CPU the server
// needed to accept connections (the kernel dropped 173,859 handshakes in one run): the run measured
// the machine more than the server. Pinned, the generator (this process) has the last core and the
// server and PostgreSQL the others. Nothing is pinned without taskset or a second core.
import { spawnSync } from "node:child_process";
import os from "node:os";
import { treePids } from "./process-cpu";

export type Pinning = { serverCores: string; generatorCore: string; release(): void };

/** Pins this process to the last core and `serverRoots` with their descendants to the rest; null when it cannot. */
export function pinGeneratorApart(serverRoots: number[]): Pinning | null {
  const cores = os.availableParallelism();
  if (process.platform !== "linux" || cores < 2) return null;
  const serverCores = cores === 2 ? "0" : `0-${cores - 2}`;
  const generatorCore = String(cores - 1);
  const pin = (cpus: string, pid: number) =>
    spawnSync("taskset", ["--all-tasks", "--pid", "--cpu-list", cpus, String(pid)], { stdio: "ignore" }).status === 0;
  if (!pin(generatorCore, process.pid)) return null;
  // Backends PostgreSQL starts later inherit the postmaster's cores.
  const servers = () => serverRoots.flatMap(treePids);
  for (const pid of servers()) pin(serverCores, pid);
  return {
    serverCores,
    generatorCore,
    release() {
      for (const pid of [process.pid, ...servers()]) pin(`0-${cores - 1}`, pid);
    },
  };
}
