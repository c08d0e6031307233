import { describe, expect, it } from "vitest";
import {
  allowedTransitions,
  canTransition,
  isFinal,
  nextStep,
  ORDER_STATUSES,
  PUSHABLE_STATUSES,
  transitionRefusal,
  transitionVerb,
  type TargetStatus,
} from "@/lib/orders/transitions";
import { checkTransition } from "@/lib/tribemade/simulator/status-machine";

const ALLOWED = new Set([
  "started>processing",
  "started>cancelled",
  "processing>dispatched",
  "processing>cancelled",
  "dispatched>delivered",
  "dispatched>cancelled",
]);

const pairs = ORDER_STATUSES.flatMap((from) => PUSHABLE_STATUSES.map((to) => [from, to] as const));

describe("order transitions (TribeMade's status machine)", () => {
  it.each(pairs)("%s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(ALLOWED.has(`${from}>${to}`));
    expect(allowedTransitions(from).includes(to)).toBe(ALLOWED.has(`${from}>${to}`));
    // Allowed exactly when there is no refusal to show.
    expect(transitionRefusal(from, to) === null).toBe(ALLOWED.has(`${from}>${to}`));
  });

  it("agrees with the simulator, which stands in for TribeMade in every test", () => {
    for (const [from, to] of pairs) expect(canTransition(from, to), `${from} → ${to}`).toBe(checkTransition(from, to).ok);
  });

  it("never offers started, and offers the forward step before cancel", () => {
    for (const from of ORDER_STATUSES) expect(allowedTransitions(from)).not.toContain("started");
    expect(allowedTransitions("started")).toEqual(["processing", "cancelled"]);
    expect(allowedTransitions("dispatched")).toEqual(["delivered", "cancelled"]);
  });

  it("knows final states and the next step", () => {
    expect(ORDER_STATUSES.filter(isFinal)).toEqual(["delivered", "cancelled"]);
    expect(ORDER_STATUSES.map(nextStep)).toEqual(["processing", "dispatched", "delivered", null, null]);
  });

  it("explains each refusal in words a merchant can act on", () => {
    expect(transitionRefusal("processing", "processing")).toBe("Already processing.");
    expect(transitionRefusal("started", "dispatched")).toBe(
      "Mark it processing first: TribeMade moves an order one step at a time.",
    );
    expect(transitionRefusal("started", "delivered")).toBe(
      "Mark it processing first: TribeMade moves an order one step at a time.",
    );
    expect(transitionRefusal("delivered", "cancelled")).toBe("Already delivered: a delivered order cannot change.");
    expect(transitionRefusal("cancelled", "processing")).toBe("Already cancelled: a cancelled order cannot change.");
    expect(transitionRefusal("dispatched", "processing")).toBe("TribeMade cannot move a dispatched order back to processing.");
  });

  it("names the buttons", () => {
    const verbs = PUSHABLE_STATUSES.map((to: TargetStatus) => transitionVerb(to));
    expect(verbs).toEqual(["Mark processing", "Mark dispatched", "Mark delivered", "Cancel order"]);
  });
});
