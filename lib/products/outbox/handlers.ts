import "server-only";
import type { OutboxContribution } from "@/lib/outbox/registry";
import { learnProducts } from "@/lib/products/learn";
import { applyStock } from "@/lib/products/outbox/apply-stock";
import { editProductHandler } from "@/lib/products/outbox/edit-product";
import { readProduct } from "@/lib/products/outbox/read-product";

// The products domain's part of the outbox (lib/outbox/registry.ts, registered by
// lib/wiring/outbox-handlers.ts): reading products, applying the stock ledger, a person's edits;
// and, after each batch, the products of orders TribeMade just confirmed.

export const PRODUCTS_OUTBOX: OutboxContribution = {
  handlers: {
    read_product: { handle: readProduct },
    apply_stock: { handle: applyStock },
    edit_product: { handle: editProductHandler },
  },
  afterBatch: async (events) => {
    await learnProducts(events.filter((event) => event.type === "verified").map((event) => event.orderId));
  },
};
