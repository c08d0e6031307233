import { z } from "zod";
import { INVOICE_PREFIX_PATTERN } from "@/lib/documents/financial-year";
import { checkGstin } from "@/lib/documents/gstin";
import { stateByCode } from "@/lib/documents/india-states";
import { orderFiltersSchema } from "@/lib/orders/schemas";
import { storeFormSchema } from "@/lib/stores/schemas";

// Paperwork contracts: the settings form, per-product tax settings and print requests. Client-safe:
// the forms validate with these schemas and the actions and route parse again.

export const DOCUMENT_KINDS = ["label", "label-sheet", "slip-a4", "slip-a5", "invoice"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  label: "Shipping labels (4×6 in)",
  "label-sheet": "Shipping labels (A4, four a sheet)",
  "slip-a4": "Packing slips (A4)",
  "slip-a5": "Packing slips (A5)",
  invoice: "Tax invoices",
};

/** Most documents in one PDF: a printer's afternoon, and a bounded request. */
export const MAX_DOCUMENTS_PER_FILE = 500;

/** The GST rates in force for goods (percent); 12 and 28 remain for older stock's invoices. */
export const GST_RATES = ["0", "0.25", "3", "5", "12", "18", "28", "40"] as const;

const stateCode = z.string().refine((code) => stateByCode(code) !== undefined, "Choose a state.");

export const printTargetSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("orders"),
    ids: z
      .array(z.uuid("Unknown order."))
      .min(1, "Select some orders.")
      .max(MAX_DOCUMENTS_PER_FILE, `At most ${MAX_DOCUMENTS_PER_FILE} orders per file.`),
  }),
  z.object({ kind: z.literal("filter"), filters: orderFiltersSchema }),
  z.object({ kind: z.literal("dispatched_today") }),
]);
export type PrintTarget = z.infer<typeof printTargetSchema>;

export const printRequestSchema = z.object({
  document: z.enum(DOCUMENT_KINDS, { error: "Choose a document." }),
  target: printTargetSchema,
  /** The customer's state for invoices whose address does not say (order id → GST state code). */
  states: z.record(z.uuid(), stateCode).default({}),
});
export type PrintRequest = z.input<typeof printRequestSchema>;

const text = (max: number, message: string) => z.string().trim().max(max, message);
const optionalPincode = z
  .string()
  .trim()
  .refine((value) => value === "" || /^[1-9]\d{5}$/.test(value), "A PIN code is 6 digits, like 560038.");
const hsn = z
  .string()
  .trim()
  .refine((value) => value === "" || /^\d{4}(\d{2}){0,2}$/.test(value), "An HSN code is 4, 6 or 8 digits, like 6109.");
const gstRate = z.enum(GST_RATES, { error: "Choose a GST rate." });

const settingsFields = z.object({
  senderName: text(80, "Use at most 80 characters."),
  senderAddress: text(300, "Use at most 300 characters."),
  senderPincode: optionalPincode,
  senderPhone: text(20, "Use at most 20 characters."),
  legalName: text(120, "Use at most 120 characters."),
  gstin: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const checked = checkGstin(value);
      if (!checked.ok) {
        ctx.addIssue({ code: "custom", message: checked.message });
        return z.NEVER;
      }
      return checked.gstin;
    }),
  registeredAddress: text(300, "Use at most 300 characters."),
  stateCode: z.union([z.literal(""), stateCode]).transform((value) => (value === "" ? null : value)),
  invoicePrefix: z
    .string()
    .trim()
    .toUpperCase()
    .regex(INVOICE_PREFIX_PATTERN, "1 to 5 letters or digits, like INV: numbers read INV/2627/00001."),
  defaultHsn: hsn,
  defaultGstRate: gstRate,
});

function checkSettings(
  settings: { gstin: string | null; stateCode: string | null; registeredAddress: string },
  ctx: z.RefinementCtx,
) {
  if (settings.gstin && settings.stateCode && settings.gstin.slice(0, 2) !== settings.stateCode) {
    ctx.addIssue({ code: "custom", path: ["stateCode"], message: "Your GSTIN's first two digits name another state." });
  }
  if (settings.gstin && settings.registeredAddress === "") {
    ctx.addIssue({ code: "custom", path: ["registeredAddress"], message: "Tax invoices print the registered address." });
  }
}

export const documentSettingsSchema = settingsFields.superRefine(checkSettings);
export type DocumentSettingsForm = z.input<typeof documentSettingsSchema>;
export type DocumentSettingsInput = z.output<typeof documentSettingsSchema>;

export const saveDocumentSettingsSchema = settingsFields.extend(storeFormSchema.shape).superRefine(checkSettings);

export const productTaxSchema = storeFormSchema.extend({
  productId: z.string().trim().min(1, "Unknown product.").max(100, "Unknown product."),
  hsn,
  /** "" keeps the store's default. */
  gstRate: z.union([z.literal(""), gstRate]),
});
export type ProductTaxInput = z.infer<typeof productTaxSchema>;

/** A store's paperwork settings as the form and the renderers read them. */
export type DocumentSettingsDto = {
  senderName: string;
  senderAddress: string;
  senderPincode: string;
  senderPhone: string;
  legalName: string;
  gstin: string | null;
  registeredAddress: string;
  stateCode: string | null;
  invoicePrefix: string;
  defaultHsn: string;
  defaultGstRate: string;
};

export type ProductTaxRow = {
  productId: string;
  productName: string | null;
  orders: number;
  hsn: string | null;
  gstRate: string | null;
};

/** Orders whose invoice needs the customer's state (the print request's `states`). */
export type StateNeeded = { orderId: string; tribemadeOrderId: string; customerName: string; pincode: string };
