// CPU seconds used so far by a process and its descendants, from /proc (Linux). The benchmark
// reads it around each phase: CPU per request does not depend on what else the machine is doing,
// so it still compares the two routes fairly when other work competes for the cores.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ; 100 on every mainstream Linux build

type Stat = { pid: number; ppid: number; seconds: number };

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2 (comm) may contain spaces; everything after its closing parenthesis is positional.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ppid = Number(fields[1]);
    // utime + stime, plus cutime + cstime: children that exited (a finished autovacuum worker)
    // are folded into their parent, so the tree's total never goes backwards.
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { pid, ppid, seconds: ticks / TICKS_PER_SECOND };
  } catch {
    return null; // exited meanwhile
  }
}

export function cpuAvailable(): boolean {
  return existsSync("/proc/self/stat");
}

/** CPU seconds of `rootPid` and every live descendant. */
export function treeCpuSeconds(rootPid: number): number {
  const stats = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is Stat => stat !== null);
  const children = new Map<number, Stat[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat]);
  let total = 0;
  const queue = stats.filter((stat) => stat.pid === rootPid);
  for (let stat = queue.pop(); stat; stat = queue.pop()) {
    total += stat.seconds;
    queue.push(...(children.get(stat.pid) ?? []));
  }
  return total;
}

/** The postmaster's pid, from the first line of postmaster.pid in its data directory. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(`${dataDir}/postmaster.pid`, "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
