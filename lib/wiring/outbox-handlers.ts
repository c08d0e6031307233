import "server-only";
import { registerOutboxContributions } from "@/lib/outbox/registry";

// Which domain handles which outbox kind: the one place that knows them all (docs/architecture.md,
// "Domain map"). The outbox never imports a domain; each domain hands it an OutboxContribution
// (lib/outbox/registry.ts), and this registers them. Called once per process before anything
// drains: instrumentation.ts for every Next.js server, and the scripts and test setup that drain
// outside one. A domain with new outbox kinds adds its contribution here.

export function registerOutboxHandlers(): void {
  // Imported when the first drain runs, not here: domain modules read the configuration as they
  // load, and callers register before theirs is final (lib/outbox/registry.ts).
  registerOutboxContributions(async () => {
    const [customers, orders, fulfillment, webhooks, products, notifications] = await Promise.all([
      import("@/lib/customers/join"),
      import("@/lib/orders/outbox/handlers"),
      import("@/lib/fulfillment/outbox/handlers"),
      import("@/lib/webhooks/retention"),
      import("@/lib/products/outbox/handlers"),
      import("@/lib/notifications/outbox/handlers"),
    ]);
    // Customers first: a new order joins its customer before the drain's other work.
    return [
      customers.CUSTOMERS_OUTBOX,
      orders.ORDERS_OUTBOX,
      fulfillment.FULFILLMENT_OUTBOX,
      webhooks.WEBHOOKS_OUTBOX,
      products.PRODUCTS_OUTBOX,
      notifications.NOTIFICATIONS_OUTBOX,
    ];
  });
}
