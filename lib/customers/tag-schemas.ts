import { z } from "zod";
import { orderFiltersSchema } from "@/lib/orders/schemas";

// Tags on orders and customers (name, colour): the contracts of the tag actions and of the tags the
// feed, the order page and the customer pages show. Client-safe.

/** The palette: a name each, so the colour survives a theme change (components/customers/tag-chip.tsx). */
export const TAG_COLORS = ["gray", "red", "amber", "green", "teal", "blue", "violet", "pink"] as const;
export type TagColor = (typeof TAG_COLORS)[number];

export const tagSchema = z.object({ id: z.string(), name: z.string(), color: z.enum(TAG_COLORS) });
export type TagDto = z.infer<typeof tagSchema>;

export const TAG_NAME_MAX = 30;
/** Tags a store may have: enough for any small merchant, few enough for one menu. */
export const TAGS_PER_STORE = 100;
/**
 * Orders one bulk tagging may touch: the feed's selection is at most a few pages, and "all matching"
 * takes the filter's newest this many (like bulk status and paperwork, it says so when more match).
 */
export const BULK_TAG_MAX = 500;

export const tagNameSchema = z
  .string()
  .trim()
  .min(1, "Give the tag a name")
  .max(TAG_NAME_MAX, `At most ${TAG_NAME_MAX} characters`)
  .transform((name) => name.replace(/\s+/g, " "));

export const createTagSchema = z.object({
  storeId: z.guid(),
  name: tagNameSchema,
  color: z.enum(TAG_COLORS),
});
export type CreateTagInput = z.input<typeof createTagSchema>;

export const deleteTagSchema = z.object({ storeId: z.guid(), tagId: z.guid() });

/** Add or remove one tag on orders (one, a selection, or all matching the feed's filter) or on one customer. */
export const applyTagSchema = z.object({
  storeId: z.guid(),
  tagId: z.guid(),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("orders"), ids: z.array(z.guid()).min(1).max(BULK_TAG_MAX) }),
    /** "All matching": the feed's filter, resolved on the server (its newest BULK_TAG_MAX orders). */
    z.object({ kind: z.literal("filter"), filters: orderFiltersSchema }),
    z.object({ kind: z.literal("customer"), id: z.guid() }),
  ]),
  op: z.enum(["add", "remove"]),
});
export type ApplyTagInput = z.input<typeof applyTagSchema>;
