// TribeMade's order status machine (docs/decisions.md "Calling TribeMade"): one step forward at a
// time, `started → processing → dispatched → delivered`, and `cancelled` from any state that is not
// final. Skipping a step or repeating the current status is refused by TribeMade (400), and every
// accepted change emails the customer, so the UI offers only these and the server accepts only
// these. Client-safe: the buttons and the mutations read the same table.

export const ORDER_STATUSES = ["started", "processing", "dispatched", "delivered", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Statuses a person may ask TribeMade for; `started` cannot be set (TribeMade's rule). */
export const PUSHABLE_STATUSES = ["processing", "dispatched", "delivered", "cancelled"] as const;

/** A status a person can ask for (`started` is only ever TribeMade's initial state). */
export type TargetStatus = (typeof PUSHABLE_STATUSES)[number];

const NEXT: Record<OrderStatus, readonly TargetStatus[]> = {
  started: ["processing", "cancelled"],
  processing: ["dispatched", "cancelled"],
  dispatched: ["delivered", "cancelled"],
  delivered: [],
  cancelled: [],
};

/** The transitions offered from `from`, forward step first, cancel last. */
export function allowedTransitions(from: OrderStatus): readonly TargetStatus[] {
  return NEXT[from];
}

export function canTransition(from: OrderStatus, to: TargetStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}

/** The one forward step from `from` (no cancel), or null when the order is final. */
export function nextStep(from: OrderStatus): Exclude<TargetStatus, "cancelled"> | null {
  const forward = NEXT[from].find((status) => status !== "cancelled");
  return (forward as Exclude<TargetStatus, "cancelled"> | undefined) ?? null;
}

const LABEL: Record<OrderStatus, string> = {
  started: "started",
  processing: "processing",
  dispatched: "dispatched",
  delivered: "delivered",
  cancelled: "cancelled",
};

/**
 * Why `from → to` is not allowed, in words a merchant can act on; null when it is allowed. Used for
 * the server's refusal and for bulk actions' "skipped" list.
 */
export function transitionRefusal(from: OrderStatus, to: TargetStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `Already ${LABEL[to]}.`;
  if (isFinal(from)) return `Already ${LABEL[from]}: a ${LABEL[from]} order cannot change.`;
  const step = nextStep(from);
  const order = ORDER_STATUSES.indexOf(to);
  if (step && order > ORDER_STATUSES.indexOf(step)) {
    return `Mark it ${LABEL[step]} first: TribeMade moves an order one step at a time.`;
  }
  return `TribeMade cannot move a ${LABEL[from]} order back to ${LABEL[to]}.`;
}

/** The verb on a button: "Mark processing", "Mark dispatched", "Cancel order". */
export function transitionVerb(to: TargetStatus): string {
  return to === "cancelled" ? "Cancel order" : `Mark ${LABEL[to]}`;
}
