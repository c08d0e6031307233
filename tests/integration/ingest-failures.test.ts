import { describe, expect, it } from "vitest";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { recentIngestFailures } from "@/lib/webhooks/ingest/failures";
import { createStoreWithEndpoint } from "@/tests/fixtures/factories";

// The dashboard's "webhooks are failing" banner counts the store's deliveries recorded as
// internal_error (stored, answered 503) in the last 15 minutes, and nobody else's.

const memberOf = (store: { id: string; name: string }): Member => ({
  user: { id: "00000000-0000-4000-8000-000000000000", name: "Test", email: "test@example.com" },
  store: { id: store.id, name: store.name },
  role: "owner",
});

async function delivery(storeId: string, endpointId: string, reason: string | null, minutesAgo = 0) {
  await db.webhookDelivery.create({
    data: {
      storeId,
      endpointId,
      headers: {},
      body: new Uint8Array(0),
      bodySize: 0,
      bodySha256: "0".repeat(64),
      outcome: reason ? "rejected" : "accepted",
      reason,
      receivedAt: new Date(Date.now() - minutesAgo * 60_000),
    },
  });
}

describe("recentIngestFailures", () => {
  it("counts the store's recent deliveries that could not be stored, and only those", async () => {
    const a = await createStoreWithEndpoint();
    const b = await createStoreWithEndpoint();
    await delivery(a.store.id, a.endpoint.id, "internal_error");
    await delivery(a.store.id, a.endpoint.id, "internal_error", 5);
    await delivery(a.store.id, a.endpoint.id, "internal_error", 30);
    await delivery(a.store.id, a.endpoint.id, "invalid_json");
    await delivery(a.store.id, a.endpoint.id, null);
    await delivery(b.store.id, b.endpoint.id, "invalid_json");

    expect(await recentIngestFailures(memberOf(a.store))).toBe(2);
    expect(await recentIngestFailures(memberOf(b.store))).toBe(0);
  });
});
