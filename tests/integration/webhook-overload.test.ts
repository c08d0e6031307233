import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { db, ingestPool } from "@/lib/db";
import { ingest } from "@/lib/webhooks/ingest/ingest";
import { ANSWER_BUDGET_MS } from "@/lib/webhooks/ingest/deadline";
import { admitDelivery, ingestLoad, type Admission } from "@/lib/webhooks/ingest/group-commit";
import { flushRefusals } from "@/lib/webhooks/ingest/refusals";
import { createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { postWebhook, settleAfterTasks } from "@/tests/fixtures/webhook-client";
import { orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// Bounded ingest (docs/webhook-ingest.md "Overload"): a burst is taken whole; a delivery that could
// not be answered within the budget gets a fast 503 before its body is read, and is counted for its
// endpoint; a delivery whose caller got its 503 is never written; slow bodies and slow dashboards
// cannot hold ingest; every 2xx is committed.

type Route = typeof import("@/app/api/webhooks/tribemade/[token]/route");
const route = (): Promise<Route> => import("@/app/api/webhooks/tribemade/[token]/route");

/** A request whose body is a stream, recording whether anyone read it; `stall` never ends it. */
function streamingRequest(token: string, body: string, options: { stall?: boolean } = {}) {
  const state = { pulled: false };
  let sent = false;
  // highWaterMark 0: pull() runs only when someone reads.
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulled = true;
        if (sent) return new Promise<void>(() => {}); // stall: the rest never comes
        sent = true;
        controller.enqueue(new TextEncoder().encode(options.stall ? body.slice(0, 10) : body));
        if (!options.stall) controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request(`http://127.0.0.1:3000/api/webhooks/tribemade/${token}`, {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json" },
    duplex: "half",
  } as RequestInit);
  return { request, state };
}

const quiet = () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    warn.mockRestore();
    error.mockRestore();
  };
};

describe("bounded ingest", () => {
  it("refuses with a fast 503 and Retry-After before reading the body when the work ahead passes the budget, and counts it", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    expect((await postWebhook(token, JSON.stringify(orderCreated()))).status).toBe(200); // endpoint cached
    const held: Admission[] = [];
    let response: Response;
    let pulled: boolean;
    let elapsed: number;
    try {
      for (let admission = admitDelivery(performance.now()); admission; admission = admitDelivery(performance.now())) {
        held.push(admission);
      }
      // Only the estimate stops it: ~1 ms per delivery before anything is measured.
      expect(held.length).toBeGreaterThan(ANSWER_BUDGET_MS / 5);
      expect(ingestLoad().waitMs).toBeGreaterThanOrEqual(ANSWER_BUDGET_MS - 1);

      const { POST } = await route();
      const { request, state } = streamingRequest(token, JSON.stringify(orderCreated()));
      const started = performance.now();
      response = await POST(request, { params: Promise.resolve({ token }) });
      elapsed = performance.now() - started;
      pulled = state.pulled;
    } finally {
      // The queue is this process's: a held admission left behind would refuse every later test.
      for (const admission of held) admission.release();
    }

    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ error: "unavailable" });
    expect(pulled).toBe(false);
    expect(elapsed).toBeLessThan(100);
    await settleAfterTasks();
    await flushRefusals();
    const counted = await db.webhookRefusal.findMany({ where: { endpointId: endpoint.id } });
    expect(counted.map((row) => row.count)).toEqual([1]);
    // Room again: the next delivery goes through.
    expect((await postWebhook(token, JSON.stringify(orderCreated()))).status).toBe(200);
    await settleAfterTasks();
  });

  it("takes a burst of 500 distinct new orders at once: none refused, every one committed", async () => {
    const { store, token } = await createStoreWithEndpoint();
    expect((await postWebhook(token, JSON.stringify(orderCreated({ store_id: undefined })))).status).toBe(200);
    const payloads = Array.from({ length: 500 }, () => orderCreated({ store_id: undefined }));
    const responses = await Promise.all(payloads.map((payload) => postWebhook(token, JSON.stringify(payload))));
    expect(responses.filter((response) => response.status !== 200).map((response) => response.status)).toEqual([]);
    const committed = await db.order.count({
      where: { storeId: store.id, tribemadeOrderId: { in: payloads.map((payload) => payload.order_id) } },
    });
    expect(committed).toBe(500);
    await settleAfterTasks();
  });

  it("answers an unknown URL 404 without reading its body or queueing it", async () => {
    const { POST } = await route();
    const { request, state } = streamingRequest("no-such-token-at-all", JSON.stringify(orderCreated()));
    const response = await POST(request, { params: Promise.resolve({ token: "no-such-token-at-all" }) });
    expect(response.status).toBe(404);
    expect(state.pulled).toBe(false);
  });

  it("gives up on a body that does not arrive within 2 s (408), freeing its place", async () => {
    const { token } = await createStoreWithEndpoint();
    const { POST } = await route();
    const { request } = streamingRequest(token, JSON.stringify(orderCreated()), { stall: true });
    const started = performance.now();
    const response = await POST(request, { params: Promise.resolve({ token }) });
    expect(response.status).toBe(408);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(ingestLoad().waiting).toBe(0);
  });

  it("under a flood of 4,000 at once: every 2xx committed and answered within 5 s, any refusal a 503, then recovery", async () => {
    const { store, token } = await createStoreWithEndpoint();
    expect((await postWebhook(token, JSON.stringify(orderCreated({ store_id: undefined })))).status).toBe(200);
    const restore = quiet();
    const payloads = Array.from({ length: 4_000 }, () => orderCreated({ store_id: undefined }));
    const timed = await Promise.all(
      payloads.map(async (payload) => {
        const started = performance.now();
        const response = await postWebhook(token, JSON.stringify(payload));
        return { payload, response, ms: performance.now() - started };
      }),
    );
    restore();

    const acked = timed.filter((t) => t.response.status === 200);
    const shed = timed.filter((t) => t.response.status !== 200);
    // A fast machine may take all 4,000 within the deadline (the refusal itself is tested below, with
    // the statement slots held); whatever it cannot answer in time it refuses.
    expect(acked.length).toBeGreaterThan(0);
    // Bounded by the deadline, not by the flood: how many a machine takes at once depends on how fast
    // it answers (a quiet one took ~3,700 of 4,000; a loaded one ~2,000), but what was admitted was
    // answered within TribeMade's 5 s, and the rest was refused rather than queued.
    expect(Math.max(...acked.map((t) => t.ms))).toBeLessThan(5_000);
    expect(shed.every((t) => t.response.status === 503)).toBe(true);
    expect(shed.every((t) => t.response.headers.get("retry-after") === "5")).toBe(true);
    // Every acknowledged order is committed.
    const committed = await db.order.findMany({
      where: { storeId: store.id, tribemadeOrderId: { in: acked.map((t) => t.payload.order_id) } },
      select: { id: true },
    });
    expect(committed).toHaveLength(acked.length);

    // Recovery: the next delivery is accepted at once.
    const started = performance.now();
    expect((await postWebhook(token, JSON.stringify(orderCreated({ store_id: undefined })))).status).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
    await settleAfterTasks();
  });

  it("never writes a queued delivery whose caller already got its 503", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    expect((await postWebhook(token, JSON.stringify(orderCreated({ store_id: undefined })))).status).toBe(200);
    // Another session holds a lock every ingest statement needs: the two statement slots block.
    const locker = new pg.Client(process.env.DATABASE_URL_UNPOOLED ?? process.env.DATABASE_URL);
    await locker.connect();
    await locker.query(`BEGIN; LOCK TABLE "OutboxMessage" IN EXCLUSIVE MODE`);
    const restore = quiet();
    try {
      const blocked = [orderCreated({ store_id: undefined }), orderCreated({ store_id: undefined })];
      const first = blocked.map((payload) => postWebhook(token, JSON.stringify(payload)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Two more wait for a slot; they arrived 3.3 s ago as far as ingest knows, so their deadline
      // passes while they are still queued.
      const late = [orderCreated({ store_id: undefined }), orderCreated({ store_id: undefined })];
      const queued = late.map((payload) =>
        ingest({
          endpoint: { kind: "endpoint", endpointId: endpoint.id, storeId: store.id },
          body: new TextEncoder().encode(JSON.stringify(payload)),
          truncated: false,
          headers: {},
          startedAt: performance.now() - 3_300,
        }),
      );
      const lateResults = await Promise.all(queued);
      expect(lateResults.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["unavailable", "unavailable"]);
      expect(ingestLoad().queued).toBe(2);
      await locker.query("ROLLBACK");
      // The blocked statements commit in time; the expired deliveries are dropped, never sent.
      expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ingestLoad().queued).toBe(0);
      const written = await db.webhookDelivery.count({
        where: { storeId: store.id, orderRef: { in: late.map((p) => p.order_id) } },
      });
      expect(written).toBe(0);
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
      restore();
    }
    await settleAfterTasks();
  });

  it("keeps answering while slow dashboard queries hold every connection of the main pool", async () => {
    const { token } = await createStoreWithEndpoint();
    const restore = quiet();
    // As many 3 s queries as the main pool has connections (DATABASE_POOL_MAX, 10 here).
    const slow = Array.from({ length: 10 }, () => db.$queryRaw`SELECT pg_sleep(3)`.catch(() => null));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    const response = await postWebhook(token, JSON.stringify(orderCreated()));
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1_000);
    await Promise.all(slow);
    await settleAfterTasks();
    restore();
  });

  it("retries a failed batch one delivery at a time, never more than two statements at once", async () => {
    const good = await createStoreWithEndpoint();
    const bad = await createStoreWithEndpoint();
    await db.$executeRawUnsafe(`
      CREATE FUNCTION fail_outbox_overload() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER fail_outbox_overload BEFORE INSERT ON "OutboxMessage" FOR EACH ROW
        WHEN (NEW."storeId" = '${bad.store.id}') EXECUTE FUNCTION fail_outbox_overload();`);
    let running = 0;
    let most = 0;
    const original = ingestPool.query.bind(ingestPool) as (...args: unknown[]) => Promise<unknown>;
    const spy = vi.spyOn(ingestPool, "query").mockImplementation(((...args: unknown[]) => {
      running++;
      most = Math.max(most, running);
      return original(...args).finally(() => running--);
    }) as typeof ingestPool.query);
    const restore = quiet();
    try {
      const responses = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          postWebhook((i % 10 === 0 ? bad : good).token, JSON.stringify(orderCreated({ store_id: undefined }))),
        ),
      );
      expect(responses.filter((r) => r.status === 200)).toHaveLength(54);
      expect(responses.filter((r) => r.status === 503)).toHaveLength(6);
    } finally {
      spy.mockRestore();
      restore();
      await db.$executeRawUnsafe(`DROP TRIGGER fail_outbox_overload ON "OutboxMessage"; DROP FUNCTION fail_outbox_overload();`);
    }
    // Two statements, plus at most one endpoint lookup on the ingest pool's third connection.
    expect(most).toBeLessThanOrEqual(3);
    await settleAfterTasks();
  });
});
