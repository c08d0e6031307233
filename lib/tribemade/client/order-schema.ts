import { z } from "zod";

// TribeMade's GET /api/orders/{id} answer (docs/decisions.md, "Calling TribeMade"). Loose on
// purpose: unknown fields are kept (the whole answer is stored as Order.tribemade), nullable
// extras may be absent, and the address may be GET's object or the webhook's one string.

const address = z.union([
  z.string(),
  z.looseObject({
    line1: z.string().nullish(),
    line2: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    country: z.string().nullish(),
  }),
]);

export const ORDER_STATUSES = ["started", "processing", "dispatched", "delivered", "cancelled"] as const;
export type TribemadeOrderStatus = (typeof ORDER_STATUSES)[number];

export const tribemadeOrderSchema = z.looseObject({
  id: z.string(),
  created_at: z.string().nullish(),
  product_id: z.string().nullish(),
  product_name: z.string().nullish(),
  product_image: z.string().nullish(),
  status: z.enum(ORDER_STATUSES),
  customer: z.looseObject({
    name: z.string().nullish(),
    email: z.string().nullish(),
    number: z.union([z.string(), z.number()]).nullish(),
    full_address: address.nullish(),
    pincode: z.union([z.string(), z.number()]).nullish(),
  }),
  order_details: z.looseObject({
    quantity: z.number().nullish(),
    amount: z.number().nullish(),
    variation: z.unknown().optional(),
    size: z.unknown().optional(),
    color: z.unknown().optional(),
    special_instructions: z.unknown().optional(),
    custom_questions: z.array(z.unknown()).nullish(),
  }),
  rating: z.number().nullish(),
  review: z.string().nullish(),
  tracking_url: z.string().nullish(),
});

export type TribemadeOrder = z.infer<typeof tribemadeOrderSchema>;
