// The four product endpoints (docs/tribemade-api.md §3.1-3.4). Another store's product is a 404 here,
// as the docs say ("...does not belong to this store"), unlike orders (see routes-orders.ts).

import type { SimulatorContext } from "./context";
import { errorResponse, jsonResponse, UUID_PATTERN, type ApiResponse } from "./http-io";
import { validateProductCreate, validateProductEdit } from "./product-schema";
import { addProduct, checkCategories, hasActiveOrders, productView, updateProduct } from "./products";
import type { Product, Store } from "./types";

const NOT_FOUND_GET = "Product Doesn't Exist";
const NOT_FOUND = "Product not found or does not belong to this store";
const ACTIVE_ORDERS =
  "Cannot delete product with active orders in processing or dispatched status. Please wait for orders to complete or cancel them first.";
const CATEGORIES = "All categories must be in store categories";

function ownProduct(ctx: SimulatorContext, store: Store, id: string): Product | null {
  const product = UUID_PATTERN.test(id) ? ctx.state.products.get(id.toLowerCase()) : undefined;
  return product && product.storeId === store.id ? product : null;
}

export function getProduct(ctx: SimulatorContext, store: Store, id: string): ApiResponse {
  const product = ownProduct(ctx, store, id);
  return product ? jsonResponse(200, productView(product)) : errorResponse(404, NOT_FOUND_GET);
}

export function createProduct(ctx: SimulatorContext, store: Store, body: unknown): ApiResponse {
  const input = validateProductCreate(body);
  if (!input.ok) return errorResponse(400, input.error);
  const categories = checkCategories(store, input.value.categories);
  if (!categories.ok) return errorResponse(400, CATEGORIES, { invalid: categories.invalid });
  const product = addProduct(ctx.state, store, input.value, ctx.now());
  return jsonResponse(201, { product_id: product.id });
}

export function editProduct(ctx: SimulatorContext, store: Store, id: string, body: unknown): ApiResponse {
  const product = ownProduct(ctx, store, id);
  if (!product) return errorResponse(404, NOT_FOUND);
  const fields = validateProductEdit(body);
  if (!fields.ok) return errorResponse(400, fields.error);
  const categories = checkCategories(store, fields.value.categories);
  if (!categories.ok) return errorResponse(400, CATEGORIES, { invalid: categories.invalid });
  updateProduct(product, fields.value);
  return jsonResponse(200, { message: "Product updated successfully" });
}

export function deleteProduct(ctx: SimulatorContext, store: Store, id: string): ApiResponse {
  const product = ownProduct(ctx, store, id);
  if (!product) return errorResponse(404, NOT_FOUND);
  if (hasActiveOrders(ctx.state, product.id)) return errorResponse(400, ACTIVE_ORDERS);
  ctx.state.products.delete(product.id);
  return jsonResponse(200, { message: "Product deleted successfully" });
}
