// The outbox reaches the domains only through what they register (lib/outbox/registry.ts): a
// wiring mistake fails the drain loudly instead of leaving a kind's messages unsent.
import { describe, expect, it } from "vitest";
import type { KindHandler } from "@/lib/outbox/registry";
import { outboxHandlers, registerOutboxContributions } from "@/lib/outbox/registry";
import { OUTBOX_KINDS } from "@/lib/outbox/messages";

const handler: KindHandler = {
  handle: async () => ({ disposition: { type: "done" }, attempts: [], events: [], enqueue: [], feedback: [] }),
};
const all = Object.fromEntries(OUTBOX_KINDS.map((kind) => [kind, handler]));
/** Every kind but push_status and forward: what a second domain brings in the combining test. */
const rest = Object.fromEntries(
  OUTBOX_KINDS.filter((kind) => kind !== "push_status" && kind !== "forward").map((k) => [k, handler]),
);

describe("the outbox registry", () => {
  it("refuses to drain before anything is registered", async () => {
    await expect(outboxHandlers()).rejects.toThrow(/No outbox handlers registered/);
  });

  it("names a kind no domain handles", async () => {
    registerOutboxContributions(async () => [{ handlers: { push_status: handler, verify_order: handler } }]);
    await expect(outboxHandlers()).rejects.toThrow("No handler registered for outbox kind refresh_order, forward");
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
        { handlers: rest, housekeeping },
      ];
    });
    const [first, second] = await Promise.all([outboxHandlers(), outboxHandlers()]);
    expect(first).toBe(second);
    expect(loads).toBe(1);
    expect(Object.keys(first.kinds).sort()).toEqual([...OUTBOX_KINDS].sort());
    expect(first.afterBatch).toEqual([afterBatch]);
    expect(first.housekeeping).toEqual([housekeeping]);
  });
});
