import { describe, expect, it, vi } from "vitest";
import type { Member } from "@/lib/auth/require-member";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { countRefusal, flushRefusals } from "@/lib/webhooks/ingest/refusals";
import { getDeliveryMetrics } from "@/lib/webhooks/metrics";
import { countRecentRefusals } from "@/lib/webhooks/refusal-queries";
import { createStoreWithEndpoint } from "@/tests/fixtures/factories";

// Refusals are never silent (issue 20): every delivery answered 503 and not stored is counted per
// endpoint and minute, and the store sees the counts of the last 24 hours — its own only.

const memberOf = (store: { id: string; name: string }): Member => ({
  user: { id: "00000000-0000-4000-8000-000000000000", name: "Test", email: "test@example.com" },
  store: { id: store.id, name: store.name },
  role: "owner",
});

describe("refused deliveries", () => {
  it("are counted per endpoint and minute, adding up across writes, and only for known endpoints", async () => {
    const a = await createStoreWithEndpoint();
    const b = await createStoreWithEndpoint();
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    for (let i = 0; i < 3; i++) countRefusal(sha256Hex(a.token), minute + i);
    countRefusal(sha256Hex(b.token), minute);
    countRefusal(sha256Hex("no-such-token"), minute);
    await flushRefusals();
    countRefusal(sha256Hex(a.token), minute + 5);
    countRefusal(sha256Hex(a.token), minute - 60_000);
    await flushRefusals();

    const rows = await db.webhookRefusal.findMany({
      where: { storeId: { in: [a.store.id, b.store.id] } },
      orderBy: [{ storeId: "asc" }, { minute: "asc" }],
    });
    const byStore = (storeId: string) =>
      rows.filter((row) => row.storeId === storeId).map((row) => [row.minute.getTime(), row.count]);
    expect(byStore(a.store.id)).toEqual([
      [minute - 60_000, 1],
      [minute, 4],
    ]);
    expect(byStore(b.store.id)).toEqual([[minute, 1]]);
  });

  it("show in the store's metrics and banner count for 24 hours, and never another store's", async () => {
    const a = await createStoreWithEndpoint();
    const b = await createStoreWithEndpoint();
    const now = Date.now();
    const at = (hoursAgo: number) => new Date(Math.floor((now - hoursAgo * 3_600_000) / 60_000) * 60_000);
    await db.webhookRefusal.createMany({
      data: [
        { endpointId: a.endpoint.id, storeId: a.store.id, minute: at(1), count: 12 },
        { endpointId: a.endpoint.id, storeId: a.store.id, minute: at(3), count: 5 },
        { endpointId: a.endpoint.id, storeId: a.store.id, minute: at(30), count: 100 },
        { endpointId: b.endpoint.id, storeId: b.store.id, minute: at(1), count: 40 },
      ],
    });
    expect(await countRecentRefusals(memberOf(a.store))).toEqual({ total: 17, lastAt: at(1).toISOString() });
    expect((await countRecentRefusals(memberOf(b.store))).total).toBe(40);

    const metrics = await getDeliveryMetrics(memberOf(a.store));
    expect(metrics.refused).toEqual({
      total: 17,
      byEndpoint: [
        {
          endpointId: a.endpoint.id,
          label: a.endpoint.label,
          count: 17,
          firstAt: at(3).toISOString(),
          lastAt: at(1).toISOString(),
        },
      ],
    });
  });

  it("keeps counts it could not write, and writes them next time", async () => {
    const a = await createStoreWithEndpoint();
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const { pgPool } = await import("@/lib/db");
    const failing = vi.spyOn(pgPool, "query").mockRejectedValueOnce(new Error("connection refused") as never);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    countRefusal(sha256Hex(a.token), minute);
    await flushRefusals();
    failing.mockRestore();
    warn.mockRestore();
    expect(await db.webhookRefusal.count({ where: { storeId: a.store.id } })).toBe(0);
    countRefusal(sha256Hex(a.token), minute);
    await flushRefusals();
    expect((await db.webhookRefusal.findMany({ where: { storeId: a.store.id } })).map((row) => row.count)).toEqual([2]);
  });
});
