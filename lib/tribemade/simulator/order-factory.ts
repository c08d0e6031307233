// Places a simulated order: a customer paid for one product of a store. Anything not overridden is
// made up realistically (fake-data.ts). One order holds exactly one product (docs/tribemade-api.md §3.5).

import { randomUUID } from "node:crypto";
import { DEMO_CATALOG } from "./catalog";
import type { SimulatorContext } from "./context";
import { fakeCustomer } from "./fake-data";
import { addProduct, productImageUrl } from "./products";
import type { Random } from "./random";
import { parseTimestamp } from "./timestamps";
import type { Address, CustomAnswer, Order, OrderStatus, Product, Store } from "./types";

export type OrderOverrides = {
  id?: string;
  product_id?: string;
  status?: OrderStatus;
  created_at?: string;
  customer?: { name?: string; email?: string; number?: string; full_address?: Partial<Address>; pincode?: string };
  order_details?: {
    quantity?: number;
    amount?: number;
    variation?: string | null;
    size?: string | null;
    color?: string | null;
    special_instructions?: string | null;
    custom_questions?: CustomAnswer[];
  };
};

export type OrderResult = { ok: true; order: Order } | { ok: false; status: number; error: string };

const INSTRUCTIONS = ["Please gift wrap", "Call before delivery", "Deliver after 6 pm", "Leave with the security guard"];

/** A16: amount = current price × quantity + shipping, rounded to paise. The docs' example
 *  (quantity 2, amount 2048.00) fits a ₹999 product with ₹50 shipping. */
export function orderAmount(product: Product, quantity: number): number {
  return Math.round((product.currentPrice * quantity + product.shippingCost) * 100) / 100;
}

function pickProduct(ctx: SimulatorContext, store: Store, productId?: string): Product | string {
  if (productId !== undefined) {
    const product = ctx.state.products.get(productId);
    return product && product.storeId === store.id ? product : "Product not found for this store";
  }
  const active = [...ctx.state.products.values()].filter((p) => p.storeId === store.id && p.isActive);
  // Customers buy what is in stock; a store with nothing left still gets orders in the demo.
  const inStock = active.filter((p) => p.stock > 0);
  if (inStock.length > 0) return ctx.random.pick(inStock);
  if (active.length > 0) return ctx.random.pick(active);
  // A store with nothing on sale still gets orders in the demo: list one catalogue item for it.
  const item = ctx.random.pick(DEMO_CATALOG);
  const categories = (item.categories ?? []).filter((name) => store.categories.includes(name));
  return addProduct(ctx.state, store, { ...item, categories }, ctx.now());
}

function optional(random: Random, values: string[], probability: number): string | null {
  return values.length > 0 && random.chance(probability) ? random.pick(values) : null;
}

function answers(ctx: SimulatorContext, product: Product, firstName: string): CustomAnswer[] {
  return product.customQuestions.map((q) => ({
    ...q,
    answer: q.type === "text" ? firstName : `${ctx.publicUrl}/images/uploads/${randomUUID()}.svg`,
  }));
}

export function createOrder(ctx: SimulatorContext, store: Store, overrides: OrderOverrides = {}): OrderResult {
  if (overrides.id !== undefined && ctx.state.orders.has(overrides.id))
    return { ok: false, status: 409, error: "Order id already exists" };
  const created =
    overrides.created_at === undefined ? { ms: ctx.now(), micros: ctx.random.int(0, 999) } : parseTimestamp(overrides.created_at);
  if (created === null) return { ok: false, status: 400, error: "created_at must be ISO 8601 (UTC)" };
  const product = pickProduct(ctx, store, overrides.product_id);
  if (typeof product === "string") return { ok: false, status: 400, error: product };

  const { random } = ctx;
  const fake = fakeCustomer(random);
  const c = overrides.customer ?? {};
  const customer = {
    name: c.name ?? fake.name,
    email: c.email ?? fake.email,
    number: c.number ?? fake.number,
    address: { ...fake.address, ...c.full_address },
    pincode: c.pincode ?? fake.pincode,
  };
  const d = overrides.order_details ?? {};
  const quantity = d.quantity ?? random.pick([1, 1, 1, 2, 2, 3]);
  const order: Order = {
    id: overrides.id ?? randomUUID(),
    storeId: store.id,
    productId: product.id,
    productName: product.name,
    productImage: productImageUrl(product, ctx.publicUrl),
    status: overrides.status ?? "started",
    createdAtMs: created.ms,
    createdAtMicros: created.micros,
    customer,
    details: {
      quantity,
      amount: d.amount ?? orderAmount(product, quantity),
      variation: d.variation !== undefined ? d.variation : optional(random, product.variations, 0.9),
      size: d.size !== undefined ? d.size : optional(random, product.size, 0.95),
      color: d.color !== undefined ? d.color : optional(random, product.colors, 0.9),
      specialInstructions: d.special_instructions !== undefined ? d.special_instructions : optional(random, INSTRUCTIONS, 0.25),
      customQuestions: d.custom_questions ?? answers(ctx, product, customer.name.split(" ")[0] ?? customer.name),
    },
    rating: null,
    review: null,
    trackingUrl: null,
  };
  ctx.state.orders.set(order.id, order);
  // A paid order takes its units (never below 0), where this TribeMade keeps stock.
  if (store.lowersStock) product.stock = Math.max(0, product.stock - quantity);
  return { ok: true, order };
}
