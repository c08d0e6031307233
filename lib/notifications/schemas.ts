import { z } from "zod";
import { CHANNELS, TOPICS } from "@/lib/notifications/topics";

// Settings → Notifications' contracts: the form, the action and the tests use these. Client-safe.

const storeId = z.uuid("This form lost track of its store. Reload the page.");

/** What PushSubscription.toJSON() gives a page, plus the store the settings page was rendered for. */
export const subscribeSchema = z.object({
  storeId,
  endpoint: z.url({ error: "The browser gave no push endpoint." }).max(2_000),
  keys: z.object({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, "The browser's push key is malformed."),
    auth: z.string().regex(/^[A-Za-z0-9_-]{16,32}$/, "The browser's push secret is malformed."),
  }),
});
export type SubscribeInput = z.infer<typeof subscribeSchema>;

export const subscriptionSchema = z.object({ storeId, subscriptionId: z.uuid("Unknown device.") });
export const testPushSchema = z.object({ storeId, subscriptionId: z.uuid("Unknown device.").optional() });

export const preferenceSchema = z.object({
  storeId,
  topic: z.enum(TOPICS, { error: "Unknown notification." }),
  channel: z.enum(CHANNELS, { error: "Choose push or email." }),
  enabled: z.boolean(),
});
export type PreferenceInput = z.infer<typeof preferenceSchema>;

export type DeviceView = {
  id: string;
  /** SHA-256 (hex) of the endpoint: the page finds "this device" without the endpoint itself. */
  endpointHash: string;
  label: string;
  createdAt: string;
  lastSentAt: string | null;
  lastError: string | null;
};

export type PreferenceView = { topic: (typeof TOPICS)[number]; push: boolean | null; email: boolean | null };
