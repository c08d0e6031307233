// The one NOTIFY helper behind the outbox wake-up and the live feed: calls in one window share one
// statement, listeners get every distinct payload, and a failing NOTIFY never throws.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifyBatcher } from "@/lib/notify-batcher";
import { FEED_CHANNEL, notifyFeed } from "@/lib/feed/notify";
import { OUTBOX_CHANNEL, wakeOutbox } from "@/lib/outbox/wake";

const listener = new pg.Client(process.env.DATABASE_URL);
const received: Array<{ channel: string; payload: string | undefined; processId: number }> = [];

beforeAll(async () => {
  await listener.connect();
  listener.on("notification", ({ channel, payload, processId }) => received.push({ channel, payload, processId }));
  await listener.query("LISTEN batch_test; LISTEN tribedesk_feed; LISTEN tribedesk_outbox");
});
afterAll(() => listener.end());

async function until(check: () => boolean, ms = 3_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error("timed out waiting for notifications");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("createNotifyBatcher", () => {
  it("sends the calls of one window as one statement, each distinct payload once", async () => {
    received.length = 0;
    const notify = createNotifyBatcher("batch_test", 30);
    const calls = ["a", "b", "a", "c"].map((payload) => notify(payload));
    expect(new Set(calls).size).toBe(1); // one pending statement for the whole window
    const startedAt = performance.now();
    await Promise.all(calls);
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(25);
    await until(() => received.length >= 3);
    expect(received.map((entry) => entry.payload).sort()).toEqual(["a", "b", "c"]);
    expect(new Set(received.map((entry) => entry.processId)).size).toBe(1);

    const later = notify("d");
    expect(later).not.toBe(calls[0]); // the window closed: a new statement
    await later;
    await until(() => received.length >= 4);
    expect(received.at(-1)?.payload).toBe("d");
  });

  it("never throws when the NOTIFY fails", async () => {
    // An empty channel name is an error in PostgreSQL ("channel name cannot be empty").
    await expect(createNotifyBatcher("", 1)("x")).resolves.toBeUndefined();
  });
});

describe("the outbox wake-up and the feed use it", () => {
  it("wakes drainers with store ids and tells live views about deliveries", async () => {
    received.length = 0;
    const storeId = "00000000-0000-4000-8000-000000000001";
    const event = { type: "delivery", storeId, deliveryId: storeId, outcome: "accepted", orderId: null } as const;
    await Promise.all([wakeOutbox(storeId), wakeOutbox(storeId), notifyFeed(event)]);
    await until(() => received.length >= 2);
    expect(received.filter((entry) => entry.channel === OUTBOX_CHANNEL).map((entry) => entry.payload)).toEqual([storeId]);
    expect(received.filter((entry) => entry.channel === FEED_CHANNEL).map((entry) => JSON.parse(entry.payload ?? ""))).toEqual([
      event,
    ]);
  });
});
