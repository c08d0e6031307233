import "server-only";
import { z } from "zod";
import { callTribemade, type ApiKey, type CallOptions, type CallResult } from "@/lib/tribemade/client/call";
import { tribemadeProductSchema, type ProductEdit, type TribemadeProduct } from "@/lib/tribemade/client/product-schema";

// TribeMade's product endpoints that Tribedesk uses (GET /api/products/{id}: 50/min;
// PUT /api/products/{id}/edit: 20/min). Another store's product answers 404, like a deleted one.

const editedSchema = z.looseObject({ message: z.string().optional() });

export function getProduct(key: ApiKey, productId: string, options?: CallOptions): Promise<CallResult<TribemadeProduct>> {
  return callTribemade(
    key,
    { method: "GET", path: `/api/products/${encodeURIComponent(productId)}`, schema: tribemadeProductSchema },
    options,
  );
}

export function editProduct(
  key: ApiKey,
  productId: string,
  edit: ProductEdit,
  options?: CallOptions,
): Promise<CallResult<z.infer<typeof editedSchema>>> {
  return callTribemade(
    key,
    { method: "PUT", path: `/api/products/${encodeURIComponent(productId)}/edit`, body: edit, schema: editedSchema },
    options,
  );
}
