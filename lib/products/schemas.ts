import { z } from "zod";

// The products domain's contracts, shared by forms, actions and the list's URL. Client-safe.

export const PRODUCT_SORTS = ["name", "stock", "sales"] as const;
export const PRODUCT_FILTERS = ["all", "low", "out", "hidden"] as const;

/** The /products list's URL: search, sort and filter survive a reload and can be shared. */
export const productListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  sort: z.enum(PRODUCT_SORTS).catch("name"),
  filter: z.enum(PRODUCT_FILTERS).catch("all"),
});
export type ProductListQuery = z.infer<typeof productListQuerySchema>;

const storeId = z.uuid();
const productId = z.uuid();

export const stockSettingsSchema = z.object({
  storeId,
  stockKeeper: z.enum(["tribemade", "tribedesk"]),
  lowStockThreshold: z.coerce.number().int("Whole units").min(0, "0 or more").max(100_000, "At most 100,000"),
  hideAtZero: z.boolean(),
});
export type StockSettingsInput = z.infer<typeof stockSettingsSchema>;

/** TribeMade's edit rules (docs/tribemade-api.md §3.2): stock ≥ 0, price > 0, current price ≥ 0. */
export const setStockSchema = z.object({
  storeId,
  productId,
  stock: z.coerce.number().int("Whole units").min(0, "Stock can't be below 0").max(1_000_000, "At most 1,000,000"),
  /** What the person saw: another change since then is a conflict, like a status change's. */
  expectedStock: z.number().int().nullable(),
});

export const editProductSchema = z
  .object({
    storeId,
    productId,
    price: z.coerce.number().positive("MRP must be more than ₹0").max(10_000_000).optional(),
    currentPrice: z.coerce.number().min(0, "Price can't be below ₹0").max(10_000_000).optional(),
    isActive: z.boolean().optional(),
  })
  .refine((value) => value.price !== undefined || value.currentPrice !== undefined || value.isActive !== undefined, {
    message: "Nothing to change",
    path: ["_form"],
  });

export const productRefSchema = z.object({ storeId, productId });
export const undoEditSchema = z.object({ storeId, productId, requestEventId: z.string().regex(/^\d+$/) });
export const storeOnlySchema = z.object({ storeId });

/** What a person's edit returns: when it leaves (Undo until then), and the queue's ETA. */
export type EditQueued = { requestEventId: string; sendAfter: string; etaSeconds: number };
