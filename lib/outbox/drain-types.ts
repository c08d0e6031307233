import type { Backoff } from "@/lib/outbox/backoff";
import type { BudgetConfig, SlotGrant } from "@/lib/outbox/budget";
import type { ClaimedMessage } from "@/lib/outbox/claim";
import type { Bucket, OutboxKind, OutboxRow } from "@/lib/outbox/messages";
import type { ApiKey, RateLimitInfo } from "@/lib/tribemade/client/call";

// The shapes the drain's steps hand each other: what a handler sees (a claimed message with its
// store and order), and what it returns (the message's fate plus everything to write with it).

export type DrainTrigger = "cron" | "wake" | "dashboard" | "external" | "listener";

export type DrainConfig = {
  budget: BudgetConfig;
  /** Stop claiming after this long; calls already started still finish. */
  budgetMs: number;
  /** Per call. */
  timeoutMs: number;
  /** A lease outlives the slowest message: two calls at the timeout plus the writes. */
  leaseMs: number;
  batchSize: number;
  /** Calls in flight at once within a batch. */
  concurrency: number;
  /** Batches a drain works on at once (each claims its own; SKIP LOCKED keeps them apart). */
  parallelBatches: number;
  backoff: Backoff;
  /** TribeMade's base URL (the simulator in tests and the embedded default). */
  baseUrl: string;
  /** Forwarding may reach loopback/private addresses (the embedded demo only). */
  allowPrivateTargets: boolean;
};

export type StoreRow = {
  id: string;
  apiKeyCiphertext: string | null;
  fulfillmentUrl: string | null;
  fulfillmentSecretCiphertext: string | null;
  /** Who keeps the store's stock: "tribedesk" → verified orders and cancellations move it (lib/products). */
  stockKeeper: string;
};

export type OrderRow = {
  id: string;
  storeId: string;
  tribemadeOrderId: string;
  status: string;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  customerPincode: string;
  /** numeric as text, exact. */
  amount: string;
  quantity: number;
  productId: string | null;
  productName: string | null;
  productImage: string | null;
  trackingUrl: string | null;
  rating: number | null;
  review: string | null;
  verification: string;
  version: number;
  /** A status push for this order is pending or running: the local status is ahead of TribeMade's. */
  hasPendingPush: boolean;
};

export type AttemptRecord = {
  messageId: string;
  storeId: string;
  orderId: string | null;
  kind: OutboxKind;
  startedAt: Date;
  method: string;
  path: string;
  httpStatus: number | null;
  latencyMs: number;
  rateLimit: RateLimitInfo | null;
  outcome: string;
  error: string | null;
};

export type EventRecord = { orderId: string; type: string; actor: string; data: Record<string, unknown> };

/** Order columns a result may set (names as in the table). Applied only when the message is still ours. */
export type OrderSet = Partial<{
  tribemade: unknown;
  productName: string | null;
  productImage: string | null;
  rating: number | null;
  review: string | null;
  /** Applied only if the order's version is still `version` and no push for it is pending. */
  status: string;
  trackingUrl: string | null;
  verification: string;
  verificationDiff: unknown;
  verifiedAt: string;
  lastRefreshedAt: string;
  /** "synced" is applied only if the order's version is still `syncVersion` (no later click). */
  sync: "synced" | "failed";
  syncVersion: number;
  syncError: string | null;
}>;

export type Disposition =
  | { type: "done" }
  /** A failure that may pass: counts an attempt, waits with backoff (dead after MAX_ATTEMPTS). */
  | { type: "retry"; error: string }
  /** Permanent: dead now, with the reason. */
  | { type: "dead"; error: string }
  /** Not attempted (budget spent, 429): back to pending until `until`, no attempt counted. */
  | { type: "defer"; until: Date; error?: string }
  /** TribeMade rejected the store's key: the store's outbox pauses, no attempt counted. */
  | { type: "paused"; reason: string };

export type HandlerResult = {
  disposition: Disposition;
  attempts: AttemptRecord[];
  events: EventRecord[];
  patch?: { orderId: string; version: number; set: OrderSet };
  enqueue: OutboxRow[];
  /** New value of OutboxMessage.sendUnconfirmed (pushes); undefined leaves it. */
  sendUnconfirmed?: boolean;
  feedback: { bucket: Bucket; rateLimit: RateLimitInfo | null; blockUntil: Date | null }[];
};

export type HandlerContext = {
  message: ClaimedMessage;
  store: StoreRow;
  order: OrderRow | null;
  config: DrainConfig;
  /** The store's TribeMade key for this batch's calls (decrypted once per store per batch, never kept). */
  apiKey: () => ApiKey;
  /** For a second call in one message (a push that had to read the order first). */
  takeSlot: (bucket: Bucket) => Promise<SlotGrant>;
  /** Test hook: runs after each API call and before anything is written. */
  afterCall?: () => Promise<void>;
};
