import { beforeAll, describe, expect, it } from "vitest";

// The claim when one store holds nearly the whole queue (a single merchant's install after an
// outage, or the large store among many): 100,000 due verifications, nothing else. The empty lanes must cost nothing: read through the (status, priority, availableAt) index
// with the store and kind as filters, each walked the whole backlog (150 ms a claim; issue 27).

const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { pgPool } = await import("@/lib/db");
const { backlog, explainClaim } = await import("@/tests/fixtures/claim-plans");

/** A claim of 100 touches a few hundred buffers; walking the backlog once touches thousands. */
const BUFFER_BUDGET = 1_500;

let store = "";

beforeAll(async () => {
  store = (await createMerchant("Only")).store.id;
  await backlog(store, "verify_order", 1, 100_000);
  await pgPool.query(`VACUUM ANALYZE "OutboxMessage"`);
}, 300_000);

describe("a store that holds the whole queue", () => {
  it.each([
    ["its own claim", (): string | null => store, "custom"],
    ["its own claim", (): string | null => store, "generic"],
    ["the all-stores claim", (): string | null => null, "custom"],
    ["the all-stores claim", (): string | null => null, "generic"],
  ] as const)("%s (%s plan) reads a batch per lane, not the backlog once per empty lane", async (label, storeId, mode) => {
    const plan = await explainClaim(storeId(), mode);
    console.log(`${label}, ${mode}: ${plan.ms.toFixed(2)} ms, ${plan.buffers} buffers, ${plan.claimed} claimed`);
    expect(plan.claimed).toBe(100);
    expect(plan.buffers).toBeLessThan(BUFFER_BUDGET);
  });
});
