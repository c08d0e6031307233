// Domain types of the simulated TribeMade. Field names follow docs/tribemade-api.md where the value is
// sent over the wire; everything else is camelCase simulator bookkeeping.

export const ORDER_STATUSES = ["started", "processing", "dispatched", "delivered", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type Store = {
  id: string;
  name: string;
  apiKey: string;
  /** TribeMade allows at most 5 (Webhooks page). */
  webhookUrls: string[];
  /** Categories are created in the dashboard only; products must use these exact names. */
  categories: string[];
  /**
   * Whether this TribeMade lowers a product's stock when an order is paid and raises it on a
   * cancellation. The docs do not say (docs/decisions.md, "Who keeps stock"); on by default, off
   * to model a TribeMade that leaves stock to the merchant (Tribedesk keeps it).
   */
  lowersStock: boolean;
  createdAt: number;
};

export type CustomQuestion = { question: string; type: "text" | "image" };

export type Product = {
  id: string;
  storeId: string;
  createdAt: string;
  name: string;
  price: number;
  currentPrice: number;
  shippingCost: number;
  shortDescription: string;
  description: string;
  primaryImage: string | null;
  images: string[];
  variations: string[];
  size: string[];
  colors: string[];
  categories: string[];
  isSale: boolean;
  isActive: boolean;
  customQuestions: CustomQuestion[];
  internalNote: string;
  metadata: Record<string, unknown>;
  stock: number;
};

export type Address = { line1: string; line2: string; city: string; state: string; country: string };

export type Customer = { name: string; email: string; number: string; address: Address; pincode: string };

/** The element shape of an order's custom_questions is undocumented; ours adds the answer. */
export type CustomAnswer = { question: string; type: "text" | "image"; answer: string };

export type OrderDetails = {
  quantity: number;
  amount: number;
  variation: string | null;
  size: string | null;
  color: string | null;
  specialInstructions: string | null;
  customQuestions: CustomAnswer[];
};

export type Order = {
  id: string;
  storeId: string;
  productId: string;
  /** Snapshots taken when the order was placed (GET returns the name as it was then). */
  productName: string;
  productImage: string;
  status: OrderStatus;
  /** Epoch milliseconds plus the extra 3 digits that make TribeMade's microsecond timestamps. */
  createdAtMs: number;
  createdAtMicros: number;
  customer: Customer;
  details: OrderDetails;
  rating: number | null;
  review: string | null;
  trackingUrl: string | null;
};

/** One simulated "customer emailed" event: every status change, by API or by the courier. */
export type StatusChange = {
  seq: number;
  at: string;
  orderId: string;
  storeId: string;
  from: OrderStatus;
  to: OrderStatus;
  trackingUrl: string | null;
  source: "api" | "courier";
  emailedTo: string;
};

export type DeliveryKind = "order.created" | "resend" | "raw";

export type DeliveryAttempt = {
  seq: number;
  kind: DeliveryKind;
  orderId: string | null;
  storeId: string | null;
  url: string;
  startedAt: string;
  durationMs: number;
  /** null when no HTTP answer arrived (refused, timed out, reset). */
  statusCode: number | null;
  ok: boolean;
  error: string | null;
  responseBody: string | null;
};

export type RecordedRequest = {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the raw text (capped); null when empty. */
  body: unknown;
  /** null when the simulator never answered (hang fault). */
  status: number | null;
  durationMs: number;
  storeId: string | null;
  fault: string | null;
};
