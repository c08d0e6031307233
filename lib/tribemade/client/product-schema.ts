import { z } from "zod";

// TribeMade's GET /api/products/{id} answer (docs/tribemade-api.md §3.1, A2: `origional_price` and
// `long_description` are spelt that way there). Loose on purpose, like the order's: unknown fields
// are kept (the whole answer is stored as Product.tribemade) and documented ones may be absent.

const strings = z.array(z.string()).nullish();

export const tribemadeProductSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  origional_price: z.number().nullish(),
  current_price: z.number().nullish(),
  shipping_cost: z.number().nullish(),
  variations: strings,
  size: strings,
  colors: strings,
  is_active: z.boolean().nullish(),
  stock: z.number().int().nullish(),
  internal_note: z.string().nullish(),
});

export type TribemadeProduct = z.infer<typeof tribemadeProductSchema>;

/** What PUT /api/products/{id}/edit takes from Tribedesk (§3.3): only the fields the desk edits. */
export type ProductEdit = Partial<{ stock: number; price: number; current_price: number; is_active: boolean }>;
