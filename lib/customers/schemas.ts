import { z } from "zod";
import { tagSchema } from "@/lib/customers/tag-schemas";
import { OrderStatus } from "@/lib/generated/prisma/enums";

// The customers' contracts: the list's query string (/customers, /api/customers…), the JSON the
// routes answer with, and the badge. Client-safe; dates as ISO strings, amounts as decimal strings.

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** The list's sorts, each served by its own (storeId, …, id) index. */
export const CUSTOMER_SORTS = ["orders", "spend", "last"] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export const customerFiltersSchema = z.object({
  /** Name, email or phone digits (lib/search/terms.ts). */
  q: optional(z.string().trim().max(200)),
  sort: z.preprocess(blankToUndefined, z.enum(CUSTOMER_SORTS).default("last")),
});
export type CustomerFilters = z.infer<typeof customerFiltersSchema>;

export const CUSTOMER_PAGE_SIZE = 50;

export const customerListQuerySchema = customerFiltersSchema.extend({
  cursor: optional(z.string().max(300)),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(CUSTOMER_PAGE_SIZE)),
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const customerIdSchema = z.object({ id: z.guid("must be a customer id") });

const nullableString = z.string().nullable();

export const customerRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  phoneKey: nullableString,
  orderCount: z.number(),
  /** Rupees as a decimal string. */
  totalSpent: z.string(),
  firstOrderAt: z.string(),
  lastOrderAt: z.string(),
  tags: z.array(tagSchema),
});
export type CustomerRowDto = z.infer<typeof customerRowSchema>;

export const customerPageSchema = z.object({ items: z.array(customerRowSchema), nextCursor: nullableString });
export type CustomerPageDto = z.infer<typeof customerPageSchema>;

/** One of the customer's orders, as their page lists it. */
export const customerOrderSchema = z.object({
  id: z.string(),
  tribemadeOrderId: z.string(),
  status: z.enum(OrderStatus),
  amount: z.string(),
  productName: nullableString,
  quantity: z.number(),
  receivedAt: z.string(),
  customerOrdinal: z.number().nullable(),
});
export type CustomerOrderDto = z.infer<typeof customerOrderSchema>;

export const customerAddressSchema = z.object({
  address: nullableString,
  pincode: z.string(),
  orders: z.number(),
  lastUsedAt: z.string(),
});
export type CustomerAddressDto = z.infer<typeof customerAddressSchema>;

export const customerDetailSchema = customerRowSchema.extend({
  /** Sum of the orders not cancelled. */
  lifetimeValue: z.string(),
  cancelledOrders: z.number(),
  orders: z.array(customerOrderSchema),
  /** The customer has more orders than the page lists. */
  ordersCut: z.boolean(),
  addresses: z.array(customerAddressSchema),
});
export type CustomerDetailDto = z.infer<typeof customerDetailSchema>;
