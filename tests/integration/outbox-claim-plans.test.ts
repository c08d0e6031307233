import { beforeAll, describe, expect, it } from "vitest";

// Claims that scale with stores (issue 27), in search-plans.test.ts' style: the exact statements the
// drain sends (lib/outbox/claim.ts), run through EXPLAIN (ANALYZE, BUFFERS) on a queue where a paused
// store and a keyless store each hold 100,000 due messages and an eligible store holds 100,000 more.
// A plan fails when it reads more than a few batches' worth of buffers (walking a backlog it cannot
// claim costs thousands). Fairness: the busy store's backlog delays another store's push by at most
// one claim.

const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { createStore } = await import("@/tests/fixtures/factories");
const { db, pgPool } = await import("@/lib/db");
const { anyClaimable, claimBatch } = await import("@/lib/outbox/claim");
const { drainConfig } = await import("@/lib/outbox/drain");
const { backlog, explainClaim } = await import("@/tests/fixtures/claim-plans");

const BACKLOG = 100_000;
/**
 * A claim of 100 touches a few hundred buffers, about 2,300 when it reads 400 pushes (each checks the
 * order's earlier pushes with an index probe); walking one backlog touches thousands more.
 */
const BUFFER_BUDGET = 3_000;
/** The plan for the parameters, and the generic plan a named statement settles on. */
const MODES = ["custom", "generic"] as const;

let paused = "";
let keyless = "";
let busy = "";
let other = "";
let pushing = "";
const budget = drainConfig().budget;

beforeAll(async () => {
  const pausedMerchant = await createMerchant("Paused");
  paused = pausedMerchant.store.id;
  await db.store.update({ where: { id: paused }, data: { outboxPausedAt: new Date() } });
  keyless = (await createStore()).id;
  busy = (await createMerchant("Busy")).store.id;
  other = (await createMerchant("Other")).store.id;
  pushing = (await createMerchant("Pushing")).store.id;
  // The blocked backlogs are the oldest and the most urgent (pushes): the old all-stores claim
  // walked them on every call before reaching anything it could take.
  await backlog(paused, "push_status", 0, BACKLOG);
  await backlog(keyless, "push_status", 0, BACKLOG);
  await backlog(busy, "verify_order", 1, BACKLOG);
  // 20,000 status pushes due, each for its own order (a bulk change queued behind TribeMade's 20 a minute).
  await backlog(pushing, "push_status", 0, 20_000);
  await pgPool.query(`VACUUM ANALYZE "OutboxMessage"`);
}, 300_000);

describe("outbox claim plans", () => {
  it.each(MODES)("the all-stores claim takes a batch without walking the paused and keyless backlogs (%s plan)", async (mode) => {
    const plan = await explainClaim(null, mode);
    console.log(`all stores, ${mode}: ${plan.ms.toFixed(2)} ms, ${plan.buffers} buffers, ${plan.claimed} claimed`);
    expect(plan.claimed).toBe(100);
    expect(plan.buffers).toBeLessThan(BUFFER_BUDGET);
  });

  it.each(MODES)("a store-scoped claim reads a batch per lane, not every due row of the store (%s plan)", async (mode) => {
    const plan = await explainClaim(busy, mode);
    console.log(`one store, ${mode}: ${plan.ms.toFixed(2)} ms, ${plan.buffers} buffers, ${plan.claimed} claimed`);
    expect(plan.claimed).toBe(100);
    expect(plan.buffers).toBeLessThan(BUFFER_BUDGET);
  });

  it.each(MODES)(
    "a store with 20,000 pushes due checks each push's earlier ones by its order, not by reading them all (%s plan)",
    async (mode) => {
      const plan = await explainClaim(pushing, mode);
      console.log(`pushes, ${mode}: ${plan.ms.toFixed(2)} ms, ${plan.buffers} buffers, ${plan.claimed} claimed`);
      expect(plan.claimed).toBe(100);
      // Without the push-order index (migration 20261207190000) each push read the store's 20,000: ~200,000 buffers.
      expect(plan.buffers).toBeLessThan(BUFFER_BUDGET);
    },
  );

  it("a lease writes each claimed row to three indexes: the key, the dedupe key and the lanes", async () => {
    const plan = await explainClaim(busy);
    // Per row: its lock, its new version and an entry in each index that holds leased messages, ~6
    // records in all (605 for 100 here; an index page split adds a few). With status in seven indexes
    // it was ~10 (1,013); the indexes only pending messages need are partial (migration
    // 20261207210000), so a lease skips them.
    console.log(`lease: ${plan.walRecords} WAL records for ${plan.claimed} messages`);
    expect(plan.claimed).toBe(100);
    expect(plan.walRecords).toBeLessThan(plan.claimed * 7);
  });

  it.each(MODES)("a paused store's own claim finds nothing to walk (%s plan)", async (mode) => {
    const plan = await explainClaim(paused, mode);
    expect(plan.claimed).toBe(0);
    expect(plan.buffers).toBeLessThan(100);
  });
});

describe("fairness", () => {
  it("one store's 100,000 due messages delay another store's push by at most one claim", async () => {
    await pgPool.query(
      `INSERT INTO "OutboxMessage" ("storeId", kind, payload, priority) VALUES ($1::uuid, 'push_status', $2::jsonb, 0)`,
      [other, JSON.stringify({ orderId: "00000000-0000-4000-8000-000000000001", version: 1 })],
    );
    expect(await anyClaimable(budget)).toBe(true);
    const batch = await claimBatch({ owner: "1", storeId: null, limit: 100, leaseMs: 60_000, budget });
    expect(batch).toHaveLength(100);
    expect(batch.filter((message) => message.storeId === other).map((message) => message.kind)).toEqual(["push_status"]);
    expect(batch.some((message) => message.storeId === paused || message.storeId === keyless)).toBe(false);
  });
});
