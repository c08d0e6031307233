import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

// Claims that scale with stores (issue 27): 2,000 stores with work due, and 500 paused stores with
// pushes due. The all-stores claim must cost what a batch costs, not what the stores cost (it read
// every due store's every lane: 114 ms a claim at 2,000 stores), and a drain's claims must serve
// every store once before any store twice.

const { pgPool } = await import("@/lib/db");
const { claimBatch, nextCursor } = await import("@/lib/outbox/claim");
const { drainConfig } = await import("@/lib/outbox/drain");
const { explainClaim } = await import("@/tests/fixtures/claim-plans");

const STORES = 2_000;
const PAUSED = 500;
/**
 * A claim of 100 here walks ~125 lanes (a quarter paused) and reads 100: about 1,700 buffers.
 * Reading every due store's every lane touches tens of thousands.
 */
const BUFFER_BUDGET = 3_000;

const budget = drainConfig().budget;
let eligible = new Set<string>();

/** `count` stores with a key, each with two due messages of `kind`; their ids. */
async function storesWithWork(count: number, kind: string, paused: boolean): Promise<string[]> {
  const { rows } = await pgPool.query<{ id: string }>(
    `WITH s AS (
       INSERT INTO "Store" (name, "tribemadeStoreId", "apiKeyCiphertext", "outboxPausedAt")
       SELECT 'Claim ' || i, gen_random_uuid(), 'not-a-key', CASE WHEN $3 THEN now() END FROM generate_series(1, $1::int) AS i
       RETURNING id
     ), m AS (
       INSERT INTO "OutboxMessage" ("storeId", kind, payload, priority, "availableAt")
       SELECT s.id, $2::"OutboxKind", jsonb_build_object('orderId', gen_random_uuid()::text, 'version', k), 1,
              now() - interval '1 minute' + k * interval '1 millisecond'
       FROM s CROSS JOIN generate_series(1, 2) AS k
     )
     SELECT id FROM s`,
    [count, kind, paused],
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  eligible = new Set(await storesWithWork(STORES, "verify_order", false));
  await storesWithWork(PAUSED, "push_status", true);
  await pgPool.query(`VACUUM ANALYZE "Store", "OutboxMessage"`);
}, 120_000);

describe("the all-stores claim at 2,000 stores with work due", () => {
  it.each(["custom", "generic"] as const)("reads a batch's worth of lanes, not every store's (%s plan)", async (mode) => {
    const plan = await explainClaim(null, mode);
    console.log(`2,000 stores, ${mode}: ${plan.ms.toFixed(2)} ms, ${plan.buffers} buffers, ${plan.claimed} claimed`);
    expect(plan.claimed).toBe(100);
    expect(plan.buffers).toBeLessThan(BUFFER_BUDGET);
  });

  it("serves every store once before any store twice, and never a paused one", async () => {
    const served: string[] = [];
    let after: string = randomUUID();
    for (let claim = 0; claim < STORES / 100; claim++) {
      const batch = await claimBatch({ owner: "1", storeId: null, after, limit: 100, leaseMs: 60_000, budget });
      expect(batch).toHaveLength(100);
      served.push(...batch.map((message) => message.storeId));
      after = nextCursor(after, batch);
    }
    expect(new Set(served).size).toBe(STORES);
    expect(served.every((store) => eligible.has(store))).toBe(true);
  });
});
