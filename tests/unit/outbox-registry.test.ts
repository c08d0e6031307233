// The outbox reaches the domains only through what they register (lib/outbox/registry.ts): a
// wiring mistake fails the drain loudly instead of leaving a kind's messages unsent.
import { describe, expect, it } from "vitest";
import type { KindHandler } from "@/lib/outbox/registry";
import { outboxHandlers, registerOutboxContributions } from "@/lib/outbox/registry";

const handler: KindHandler = {
  handle: async () => ({ disposition: { type: "done" }, attempts: [], events: [], enqueue: [], feedback: [] }),
};
const all = { push_status: handler, verify_order: handler, refresh_order: handler, forward: handler, fetch_order: handler };

describe("the outbox registry", () => {
  it("refuses to drain before anything is registered", async () => {
    await expect(outboxHandlers()).rejects.toThrow(/No outbox handlers registered/);
  });

  it("names a kind no domain handles", async () => {
    registerOutboxContributions(async () => [{ handlers: { push_status: handler, verify_order: handler } }]);
    await expect(outboxHandlers()).rejects.toThrow("No handler registered for outbox kind refresh_order, forward, fetch_order");
  });

  it("refuses two handlers for one kind", async () => {
    registerOutboxContributions(async () => [{ handlers: all }, { handlers: { forward: handler } }]);
    await expect(outboxHandlers()).rejects.toThrow("Two domains registered a handler for outbox kind forward");
  });

  it("combines the domains' handlers, batch hooks and housekeeping, loading them once", async () => {
    let loads = 0;
    const afterBatch = async () => {};
    const housekeeping = async () => ({ purged: 1 });
    registerOutboxContributions(async () => {
      loads++;
      return [
        { handlers: { push_status: handler, forward: handler }, afterBatch },
        { handlers: { verify_order: handler, refresh_order: handler, fetch_order: handler }, housekeeping },
      ];
    });
    const [first, second] = await Promise.all([outboxHandlers(), outboxHandlers()]);
    expect(first).toBe(second);
    expect(loads).toBe(1);
    expect(Object.keys(first.kinds).sort()).toEqual(["fetch_order", "forward", "push_status", "refresh_order", "verify_order"]);
    expect(first.afterBatch).toEqual([afterBatch]);
    expect(first.housekeeping).toEqual([housekeeping]);
  });
});
