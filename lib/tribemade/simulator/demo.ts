// Demo mode: every tick, each store with a webhook URL gets a new order, and now and then a
// courier delivers a dispatched order and a customer rates a delivered one, so a dashboard left
// open sees the things TribeMade does without telling it (A8).

import type { SimulatorContext } from "./context";
import { courierDeliver, rateOrder } from "./order-lifecycle";
import { placeOrder } from "./place-order";

const REVIEWS = [
  "Loved it, exactly as shown!",
  "Good quality, fast delivery.",
  "Packaging could be better.",
  "Value for money.",
  null,
];

function tick(ctx: SimulatorContext, log: (line: string) => void): void {
  const orders = [...ctx.state.orders.values()];
  for (const store of ctx.state.stores.values()) {
    if (store.webhookUrls.length === 0) continue;
    placeOrder(ctx, store)
      .then((result) => {
        if (!result.ok) return log(`demo: order for ${store.name} failed: ${result.error}`);
        const outcome = result.placed.deliveries.map((d) => d.statusCode ?? d.error).join(", ");
        log(`demo: order ${result.placed.order.id} for ${store.name} → ${outcome}`);
      })
      .catch((error: unknown) => log(`demo: ${String(error)}`));
    const dispatched = orders.filter((o) => o.storeId === store.id && o.status === "dispatched");
    if (dispatched.length > 0 && ctx.random.chance(0.3)) courierDeliver(ctx, ctx.random.pick(dispatched));
    const unrated = orders.filter((o) => o.storeId === store.id && o.status === "delivered" && o.rating === null);
    if (unrated.length > 0 && ctx.random.chance(0.3))
      rateOrder(ctx.random.pick(unrated), ctx.random.int(3, 5), ctx.random.pick(REVIEWS));
  }
}

/** Returns a stop function. The timer is unref'd: demo mode alone never keeps a process alive. */
export function startDemo(ctx: SimulatorContext, intervalMs: number, log: (line: string) => void): () => void {
  const timer = setInterval(() => tick(ctx, log), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
