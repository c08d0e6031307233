import { z } from "zod";

// Store, API key, team and invite contracts, shared by the settings and onboarding forms and the
// server actions. Client-safe. Form inputs are strings; outputs are what the database stores.

/** TribeMade's key format (docs/tribemade-api.md §2): "tb-" then 4, 3 and 4 letters or digits. */
export const API_KEY_PATTERN = /^tb-[A-Za-z0-9]{4}-[A-Za-z0-9]{3}-[A-Za-z0-9]{4}$/;

export const apiKeySchema = z
  .string()
  .trim()
  .min(1, "Paste your TribeMade API key.")
  .regex(API_KEY_PATTERN, "A TribeMade API key looks like tb-a1b2-c3d-e4f5: tb-, then 4, 3 and 4 letters or digits.");

export const storeNameSchema = z.string().trim().min(1, "Give the store a name.").max(80, "Use at most 80 characters.");

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Optional: "" means "not set" (learned from the first webhook instead). */
export const tribemadeStoreIdSchema = z
  .string()
  .trim()
  .refine(
    (value) => value === "" || UUID_PATTERN.test(value),
    "A TribeMade store id is a UUID, like 770e8400-e29b-41d4-a716-446655440789.",
  )
  .transform((value) => (value === "" ? null : value.toLowerCase()));

export const fulfillmentUrlSchema = z
  .string()
  .trim()
  .max(2_000, "That URL is too long.")
  .refine((value) => value === "" || isHttpsUrl(value), "Use a full https:// URL, like https://fulfil.example.in/orders.")
  .transform((value) => (value === "" ? null : value));

export const retentionDaysSchema = z.coerce
  .number({ error: "Enter a number of days." })
  .int("Use a whole number of days.")
  .min(1, "Keep payloads for at least 1 day.")
  .max(365, "Keep payloads for at most 365 days.");

export const createStoreSchema = z.object({
  name: storeNameSchema,
  apiKey: apiKeySchema,
  tribemadeStoreId: tribemadeStoreIdSchema,
});
export type CreateStoreForm = z.input<typeof createStoreSchema>;

export const storeDetailsSchema = z.object({
  name: storeNameSchema,
  tribemadeStoreId: tribemadeStoreIdSchema,
  fulfillmentUrl: fulfillmentUrlSchema,
  retentionDays: retentionDaysSchema,
});
export type StoreDetailsForm = z.input<typeof storeDetailsSchema>;
export type StoreDetails = z.output<typeof storeDetailsSchema>;

export const apiKeyInputSchema = z.object({ apiKey: apiKeySchema });
export type ApiKeyForm = z.input<typeof apiKeyInputSchema>;

export const roleSchema = z.enum(["owner", "staff"], { error: "Choose owner or staff." });

export const createInviteSchema = z.object({ role: roleSchema.default("staff") });
export const changeRoleSchema = z.object({ membershipId: z.uuid("Unknown member."), role: roleSchema });
export const removeMemberSchema = z.object({ membershipId: z.uuid("Unknown member.") });
export const revokeInviteSchema = z.object({ inviteId: z.uuid("Unknown invite.") });
export const switchStoreSchema = z.object({ storeId: z.uuid("Unknown store.") });
export const inviteTokenSchema = z.object({ token: z.string().min(20, "That invite link is incomplete.").max(200) });

/** How a saved key is shown anywhere after entry: never more than its last 4 characters. */
export function maskApiKey(last4: string | null): string | null {
  return last4 ? `tb-…${last4}` : null;
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0;
  } catch {
    return false;
  }
}
