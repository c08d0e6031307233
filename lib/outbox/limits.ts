import "server-only";
import { env } from "@/lib/env";
import type { Bucket } from "@/lib/outbox/messages";

/** TribeMade's per-store limit of each bucket (docs/tribemade-api.md §4), as configured. */
export function bucketLimits(): Record<Bucket, number> {
  return {
    order_get: env.TRIBEMADE_ORDER_GET_LIMIT,
    order_status: env.TRIBEMADE_ORDER_STATUS_LIMIT,
    product_get: env.TRIBEMADE_PRODUCT_GET_LIMIT,
    product_edit: env.TRIBEMADE_PRODUCT_EDIT_LIMIT,
  };
}
