// Product records and their GET shape (docs/tribemade-api.md §3.1-3.4, ambiguities A2-A5).

import { randomUUID } from "node:crypto";
import type { ProductCreateInput, ProductFields } from "./product-schema";
import type { SimulatorState } from "./state";
import { apiTimestamp } from "./timestamps";
import type { Product, Store } from "./types";
import { isHttpUrl } from "./stores";

export type CategoryCheck = { ok: true } | { ok: false; invalid: string[] };

/** Exact, case-sensitive names (§3.2). */
export function checkCategories(store: Store, categories: string[] | undefined): CategoryCheck {
  const invalid = (categories ?? []).filter((name) => !store.categories.includes(name));
  return invalid.length === 0 ? { ok: true } : { ok: false, invalid };
}

export function addProduct(state: SimulatorState, store: Store, input: ProductCreateInput, nowMs: number): Product {
  const product: Product = {
    id: randomUUID(),
    storeId: store.id,
    createdAt: apiTimestamp(nowMs),
    name: input.name,
    price: input.price,
    currentPrice: input.current_price ?? input.price,
    shippingCost: input.shipping_cost ?? 0,
    // A3: the docs say the default is the first 100 characters, but the field holds at most 50;
    // we keep the field valid and take the first 50.
    shortDescription: input.short_description ?? input.description.slice(0, 50),
    description: input.description,
    primaryImage: input.primary_image ?? null,
    images: input.images ?? [],
    variations: input.variations ?? [],
    size: input.size ?? [],
    colors: input.colors ?? [],
    categories: input.categories ?? [],
    isSale: input.is_sale ?? false,
    isActive: input.is_active ?? true,
    customQuestions: input.custom_questions ?? [],
    internalNote: input.internal_note ?? "",
    metadata: input.metadata ?? {},
    stock: input.stock,
  };
  state.products.set(product.id, product);
  return product;
}

/** Partial update; arrays replace, never merge (the docs do not say, replacing is the usual reading). */
export function updateProduct(product: Product, fields: Partial<ProductFields>): void {
  if (fields.name !== undefined) product.name = fields.name;
  if (fields.price !== undefined) product.price = fields.price;
  if (fields.current_price !== undefined) product.currentPrice = fields.current_price;
  if (fields.description !== undefined) product.description = fields.description;
  if (fields.short_description !== undefined) product.shortDescription = fields.short_description;
  if (fields.stock !== undefined) product.stock = fields.stock;
  if (fields.shipping_cost !== undefined) product.shippingCost = fields.shipping_cost;
  if (fields.primary_image !== undefined) product.primaryImage = fields.primary_image;
  if (fields.images !== undefined) product.images = fields.images;
  if (fields.variations !== undefined) product.variations = fields.variations;
  if (fields.size !== undefined) product.size = fields.size;
  if (fields.colors !== undefined) product.colors = fields.colors;
  if (fields.categories !== undefined) product.categories = fields.categories;
  if (fields.is_sale !== undefined) product.isSale = fields.is_sale;
  if (fields.is_active !== undefined) product.isActive = fields.is_active;
  if (fields.custom_questions !== undefined) product.customQuestions = fields.custom_questions;
  if (fields.internal_note !== undefined) product.internalNote = fields.internal_note;
  if (fields.metadata !== undefined) product.metadata = fields.metadata;
}

/** A5: started counts as active too (the safer of the docs' two readings). */
export function hasActiveOrders(state: SimulatorState, productId: string): boolean {
  for (const order of state.orders.values()) {
    if (order.productId === productId && ["started", "processing", "dispatched"].includes(order.status)) return true;
  }
  return false;
}

/** The documented GET fields only: no primary_image, images or metadata; price names as in A2. */
export function productView(product: Product) {
  return {
    id: product.id,
    created_at: product.createdAt,
    store_id: product.storeId,
    name: product.name,
    origional_price: product.price,
    current_price: product.currentPrice,
    shipping_cost: product.shippingCost,
    short_description: product.shortDescription,
    long_description: product.description,
    variations: product.variations,
    size: product.size,
    colors: product.colors,
    categories: product.categories,
    is_sale: product.isSale,
    custom_questions: product.customQuestions,
    is_active: product.isActive,
    stock: product.stock,
    internal_note: product.internalNote,
  };
}

/** An http(s) primary image is used as is; base64 or no image → a placeholder the simulator serves. */
export function productImageUrl(product: Product, publicUrl: string): string {
  if (product.primaryImage !== null && isHttpUrl(product.primaryImage)) return product.primaryImage;
  return `${publicUrl}/images/products/${product.id}.svg`;
}

export type ProductView = ReturnType<typeof productView>;
