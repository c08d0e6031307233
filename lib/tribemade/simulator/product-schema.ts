// Validation for POST /api/products/create and PUT /api/products/{id}/edit (docs/tribemade-api.md §3.2,
// §3.3). Documented strings are used verbatim; the undocumented ones (marked "ours") follow the
// same plain style. The first failing field, in the docs' field order, names the error.

import { z } from "zod";
import { isRecord } from "./http-io";

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_ARRAY = 20;

export const REQUIRED_MESSAGE = "name, price, description, and stock are required";
export const NO_FIELDS_MESSAGE = "No Fields to Update";

const text = (min: number, max: number, message: string) =>
  z.string({ error: message }).min(min, { error: message }).max(max, { error: message });

const nonNegative = (message: string) => z.number({ error: message }).min(0, { error: message });

const stringList = (field: string, max: number) =>
  z
    .array(z.string({ error: `${field} must be an array of strings` }), { error: `${field} must be an array of strings` })
    .max(max, { error: `${field} cannot have more than ${max} items` }); // ours

/** A URL or base64 image; base64 decodes to 3/4 of its length, which is what the 5 MB cap means. */
const image = z
  .string({ error: "Images must be URLs or base64 strings" }) // ours
  .refine((value) => Math.floor((value.length * 3) / 4) <= MAX_IMAGE_BYTES, { error: "Image too large (max 5MB)" }); // ours

const customQuestion = z.object(
  {
    question: text(1, 200, "Custom question must be between 1 and 200 characters"), // ours
    type: z.enum(["text", "image"], { error: "Invalid custom question type. Must be 'text' or 'image'" }), // ours
  },
  { error: "Each custom question must be an object with question and type" }, // ours
);

/** Every updatable field, in the order the docs list them. Unknown keys are ignored. */
export const productFieldsSchema = z.object({
  name: text(3, 30, "Name must be between 3 and 30 characters"),
  price: z.number({ error: "price must be > 0" }).gt(0, { error: "price must be > 0" }),
  description: text(0, 500, "Description must be between 0 and 500 characters"), // ours
  stock: z
    .number({ error: "stock must be a non-negative integer" })
    .int({ error: "stock must be a non-negative integer" })
    .min(0, { error: "stock must be a non-negative integer" }), // ours
  current_price: nonNegative("current_price must be >= 0"), // ours
  short_description: text(0, 50, "Short description must be between 0 and 50 characters"), // ours
  shipping_cost: nonNegative("shipping_cost must be >= 0"), // ours
  primary_image: image.nullable(),
  images: z.array(image, { error: "images must be an array" }).max(10, { error: "images cannot have more than 10 items" }), // ours
  variations: stringList("variations", MAX_ARRAY),
  size: stringList("size", MAX_ARRAY),
  colors: stringList("colors", MAX_ARRAY),
  categories: stringList("categories", MAX_ARRAY),
  is_sale: z.boolean({ error: "is_sale must be a boolean" }), // ours
  is_active: z.boolean({ error: "is_active must be a boolean" }), // ours
  custom_questions: z
    .array(customQuestion, { error: "custom_questions must be an array" })
    .max(5, { error: "custom_questions cannot have more than 5 items" }), // ours
  internal_note: text(0, 500, "Internal note must be between 0 and 500 characters"), // ours
  metadata: z.record(z.string(), z.unknown(), { error: "metadata must be an object" }), // ours
});

export type ProductFields = z.infer<typeof productFieldsSchema>;
export type ProductCreateInput = Pick<ProductFields, "name" | "price" | "description" | "stock"> & Partial<ProductFields>;

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: string };

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "Invalid request body";
}

export function validateProductCreate(body: unknown): ValidationResult<ProductCreateInput> {
  if (!isRecord(body)) return { ok: false, error: REQUIRED_MESSAGE };
  // null counts as missing: a client that sends {"name": null} did not send a name.
  if (["name", "price", "description", "stock"].some((key) => body[key] === undefined || body[key] === null)) {
    return { ok: false, error: REQUIRED_MESSAGE };
  }
  const parsed = productFieldsSchema
    .partial()
    .required({ name: true, price: true, description: true, stock: true })
    .safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: firstIssue(parsed.error) };
}

export function validateProductEdit(body: unknown): ValidationResult<Partial<ProductFields>> {
  if (!isRecord(body)) return { ok: false, error: NO_FIELDS_MESSAGE };
  const known = Object.keys(productFieldsSchema.shape).filter((key) => body[key] !== undefined);
  if (known.length === 0) return { ok: false, error: NO_FIELDS_MESSAGE };
  const parsed = productFieldsSchema.partial().safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: firstIssue(parsed.error) };
}
