// The tenants benchmark's claim timer, in a process of its own (the claim statement is server code:
// run with --conditions=react-server and the app's environment). Times the statement the drain
// sends (lib/outbox/claim.ts) for every store (from a random cursor, as a drain's first claim) and
// for the large one, each in a transaction that is rolled back, so every round claims from the same
// queue (owner 1: the lease owner is a number). A rolled-back claim leaves its leased row versions
// and their index entries behind as garbage, so a VACUUM every 10 rounds (untimed, with the claims
// that replan after it) keeps round 200 measuring what round 1 does. Prints one JSON line.
import pg from "pg";
import { claimQuery } from "../../lib/outbox/claim";
import { drainConfig } from "../../lib/outbox/drain";

const rounds = Number(process.env.BENCH_ROUNDS ?? 100);
const bigStore = process.env.BENCH_BIG_STORE ?? "";
const config = drainConfig();

async function time(client: pg.Client, storeId: string | null): Promise<{ ms: number; claimed: number }> {
  await client.query("BEGIN");
  const started = performance.now();
  // The drain's own named statement, planned once on this connection like a pooled one's.
  const { rowCount } = await client.query(
    claimQuery({ owner: "1", storeId, limit: config.batchSize, leaseMs: config.leaseMs, budget: config.budget }),
  );
  const ms = performance.now() - started;
  await client.query("ROLLBACK");
  return { ms, claimed: rowCount ?? 0 };
}

async function main() {
  const client = new pg.Client(process.env.DATABASE_URL);
  await client.connect();
  const samples: Record<"all" | "big", number[]> = { all: [], big: [] };
  const claimed: Record<"all" | "big", number> = { all: 0, big: 0 };
  for (let round = 0; round < rounds + 5; round++) {
    if (round % 10 === 0) {
      await client.query(`VACUUM "OutboxMessage"`);
      // VACUUM updates the table's statistics, which drops the plans of statements that read it: the
      // next claim of each kind is planned again (~2 ms). Here that was one claim in ten, the whole
      // p95; autovacuum does it once in thousands of a drain's claims. So that claim is not timed.
      for (const storeId of [null, bigStore]) await time(client, storeId);
    }
    for (const which of ["all", "big"] as const) {
      const result = await time(client, which === "all" ? null : bigStore);
      if (round >= 5) samples[which].push(result.ms);
      claimed[which] = result.claimed;
    }
  }
  await client.end();
  console.log(JSON.stringify({ samples, claimed }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
