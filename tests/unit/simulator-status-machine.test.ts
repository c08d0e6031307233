import { describe, expect, it } from "vitest";
import { checkTransition } from "@/lib/tribemade/simulator/status-machine";
import { ORDER_STATUSES, type OrderStatus } from "@/lib/tribemade/simulator/types";

const ALLOWED = new Set([
  "started>processing",
  "started>cancelled",
  "processing>dispatched",
  "processing>cancelled",
  "dispatched>delivered",
  "dispatched>cancelled",
]);

describe("simulator status machine", () => {
  const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]));

  it.each(pairs)("%s → %s", (from, to) => {
    expect(checkTransition(from, to).ok).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it("explains each refusal", () => {
    expect(checkTransition("processing", "started")).toEqual({ ok: false, error: "Status cannot be set to started" });
    expect(checkTransition("started", "shipped")).toEqual({
      ok: false,
      error: "Invalid status. Must be one of: processing, dispatched, cancelled, delivered",
    });
    expect(checkTransition("delivered", "cancelled")).toEqual({
      ok: false,
      error: "Order is already delivered and cannot be changed",
    });
    expect(checkTransition("processing", "processing")).toEqual({ ok: false, error: "Order is already processing" });
    expect(checkTransition("started", "dispatched")).toEqual({
      ok: false,
      error: "Cannot change order status from started to dispatched",
    });
  });
});
