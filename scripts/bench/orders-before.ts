// The "before" half of docs/benchmarks.md's search table: the same search benchmark against an
// older checkout of the app (its own build, its own migrations), on the same data shape. Not part
// of `npm run bench`; run by hand when the search code changes:
//   git archive <old-commit> | tar -x -C /tmp/old && ln -s "$PWD/node_modules" /tmp/old/node_modules
//   (cd /tmp/old && node scripts/prisma-generate.mjs && npx next build)
//   npx tsx scripts/bench/orders-before.ts /tmp/old [--quick]
// The old checkout's own migrations are applied (run from its directory), so its indexes are measured.
import path from "node:path";
import pg from "pg";
import { machineLine, table } from "./report";
import { startBenchStack } from "./stack";
import { runSearchBench, seedSearchStores } from "./orders-search";

async function main() {
  const appRoot = path.resolve(process.argv[2] ?? "");
  const quick = process.argv.includes("--quick");
  const log = (line: string) => console.log(`[before] ${line}`);
  process.chdir(appRoot);
  const stack = await startBenchStack({ root: appRoot, build: "never", baseEnv: process.env, servers: { main: {} }, log });
  try {
    const sizes = quick ? { orders: 20_000, extraDeliveries: 6_000 } : { orders: 100_000, extraDeliveries: 30_000 };
    const { alpha } = await seedSearchStores({
      baseUrl: stack.servers.main!.baseUrl,
      databaseUrl: stack.databaseUrl,
      log,
      ...sizes,
    });
    const results = await runSearchBench({
      baseUrl: stack.servers.main!.baseUrl,
      databaseUrl: stack.databaseUrl,
      log,
      ...sizes,
      merchant: alpha,
      rounds: quick ? 10 : 20,
      warmupRounds: 2,
    });
    const client = new pg.Client(stack.databaseUrl);
    await client.connect();
    const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version ?? "?";
    await client.end();
    const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "n/a");
    console.log(`\nBefore (${appRoot}), ${machineLine(`PostgreSQL ${version}`)}\n`);
    console.log(
      table(
        ["", "p50", "p95", "rows"],
        results.map((r) => [`${r.group}: ${r.label}`, ms(r.p50), ms(r.p95), String(r.rows ?? "–")]),
      ),
    );
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
