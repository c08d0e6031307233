import "server-only";
import { z } from "zod";

// All configuration, parsed once. process.env is read nowhere else in app/, lib/ or components/.
// The embedded default (scripts/start.ts) generates local secrets under .data/ and passes them in,
// so the app itself always requires them: a missing secret is a start-up error, never a "".

const base64Key32 = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === 32, "must be 32 random bytes, base64-encoded");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }),
  /**
   * A direct (not transaction-pooled) URL, used only for LISTEN; the Vercel/Neon convention. Without
   * it LISTEN uses DATABASE_URL, unless that is a transaction pooler (then live views poll).
   */
  DATABASE_URL_UNPOOLED: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  /**
   * Named prepared statements on the ingest hot path: `auto` uses them unless DATABASE_URL looks
   * like a transaction pooler or one turns out to drop them (docs/database-path.md); `on` / `off`.
   */
  DATABASE_PREPARED_STATEMENTS: z.enum(["auto", "on", "off"]).default("auto"),
  /** Connections per instance; serverless hosts want few, a laptop a handful. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters"),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters"),
  ENCRYPTION_KEY: base64Key32,
  /** Earlier ENCRYPTION_KEYs, comma-separated, still accepted for decryption during rotation. */
  ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .pipe(z.array(base64Key32)),
  TRIBEMADE_API_BASE_URL: z.url().default("https://api.tribemade.in"),
  /**
   * Public origin of this deployment: webhook and invite links, next-auth's URL and whether cookies
   * are Secure. Required in production (on Vercel it defaults to the project's domain), so none of
   * these follow a request's Host header; in development, taken from the request when unset.
   */
  APP_URL: z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
    .refine((value) => new URL(value).pathname.replace(/\/+$/, "") === "", "must be an origin, like https://desk.example.com")
    .transform((value) => new URL(value).origin)
    .optional(),
  /** Set by Vercel: "production", "preview" or "development". */
  VERCEL_ENV: z.string().optional(),
  /** Set by Vercel: this deployment's own host name (no scheme). */
  VERCEL_URL: z.string().optional(),
  /** Set by Vercel: the project's production domain (no scheme). */
  VERCEL_PROJECT_PRODUCTION_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** next-auth v4's own origin setting; optional everywhere (see docs/auth.md). */
  NEXTAUTH_URL: z.url().optional(),
  /**
   * Reverse proxies in front of the app that append to X-Forwarded-For (nginx, a load balancer):
   * the client address for per-IP sign-in limits is read that many entries from the right. 0: none,
   * the address is unknown and only per-account limits apply. Ignored on Vercel. See docs/auth.md.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Set by Vercel itself; next-auth v4 then trusts the forwarded host. */
  VERCEL: z.string().optional(),
  /** Set by the embedded default: seeds and demo helpers are allowed. */
  TRIBEDESK_DEMO: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  /**
   * Set by `npm start` / `npm run dev` (a long-lived Node process): the process LISTENs on
   * `tribedesk_outbox` and drains within a second of every write. Never set it on serverless hosts.
   */
  TRIBEDESK_DRAIN_LISTENER: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  /**
   * How long one drain keeps claiming work. The route allows 60 s (`maxDuration`): claiming stops at
   * this budget and calls already started finish within two 10 s timeouts.
   */
  OUTBOX_DRAIN_BUDGET_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
  /** TribeMade's limits (docs/tribemade-api.md §4); change only for the simulator or benchmarks. */
  TRIBEMADE_RATE_WINDOW_MS: z.coerce.number().int().min(100).default(60_000),
  TRIBEMADE_ORDER_GET_LIMIT: z.coerce.number().int().min(1).default(50),
  TRIBEMADE_ORDER_STATUS_LIMIT: z.coerce.number().int().min(1).default(20),
  TRIBEMADE_PRODUCT_GET_LIMIT: z.coerce.number().int().min(1).default(50),
  TRIBEMADE_PRODUCT_EDIT_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Per call to TribeMade or a fulfillment URL. */
  TRIBEMADE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /**
   * Web push (docs/notifications.md): the VAPID key pair (`npx web-push generate-vapid-keys`) and a
   * contact push services may write to (mailto: or https:). Optional: without them push is off and
   * Settings → Notifications says so. All three or none; `npm start` generates its own.
   */
  VAPID_PUBLIC_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64url").length === 65, "must be a P-256 public key, 65 bytes base64url")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .refine((value) => Buffer.from(value, "base64url").length === 32, "must be a P-256 private key, 32 bytes base64url")
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:\S+@\S+|https:\/\/\S+)$/, "must be a mailto: address or an https:// URL")
    .optional(),
  /** Email (alerts, the daily summary): smtp:// or smtps:// with credentials. Optional: without it email is off. */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  /** The From of every email: "Tribedesk <desk@example.com>". Required with SMTP_URL. */
  MAIL_FROM: z.string().min(3).optional(),
  /** Set by the embedded default: the local mail sink's HTTP API (GET /messages lists what was sent). */
  MAIL_SINK_URL: z.url().optional(),
  /**
   * Live feeds (GET /api/orders/stream) one person may hold open on one instance: every tab of the
   * feed or an order page holds one. Past it the tab polls instead (docs/orders-feed.md).
   */
  FEED_STREAMS_PER_USER: z.coerce.number().int().min(1).max(100_000).default(12),
  /** Live feeds one store may hold open on one instance (every member's tabs together). */
  FEED_STREAMS_PER_STORE: z.coerce.number().int().min(1).max(100_000).default(300),
  /**
   * How often an open feed pings (proxies close silent connections) and re-checks that its session
   * and membership still hold: a revoked feed ends within this long.
   */
  FEED_HEARTBEAT_MS: z.coerce.number().int().min(200).max(60_000).default(15_000),
  /** Set only by `npm run bench`: enables the no-database baseline route (/api/bench/baseline). */
  TRIBEDESK_BENCH: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
});

/** APP_URL, else Vercel's own domain for the deployment; required in production either way. */
const withPublicOrigin = envSchema.transform((parsed, ctx) => {
  const vercelHost =
    parsed.VERCEL && (parsed.VERCEL_ENV === "production" ? parsed.VERCEL_PROJECT_PRODUCTION_URL : parsed.VERCEL_URL);
  const APP_URL = parsed.APP_URL ?? (vercelHost ? `https://${vercelHost}` : undefined);
  if (!APP_URL && parsed.NODE_ENV === "production") {
    ctx.addIssue({
      code: "custom",
      path: ["APP_URL"],
      message:
        "required in production: the public origin people and TribeMade reach this deployment at, e.g. https://desk.example.com",
    });
  }
  const vapid = [parsed.VAPID_PUBLIC_KEY, parsed.VAPID_PRIVATE_KEY, parsed.VAPID_SUBJECT];
  if (vapid.some(Boolean) && !vapid.every(Boolean)) {
    for (const name of ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT"] as const) {
      if (!parsed[name]) ctx.addIssue({ code: "custom", path: [name], message: "set all three VAPID variables, or none" });
    }
  }
  if (parsed.SMTP_URL && !parsed.MAIL_FROM) {
    ctx.addIssue({ code: "custom", path: ["MAIL_FROM"], message: "required with SMTP_URL, e.g. Tribedesk <desk@example.com>" });
  }
  return { ...parsed, APP_URL };
});

export type Env = z.infer<typeof withPublicOrigin>;

/** Parses a set of variables; throws one error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = withPublicOrigin.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration (see README "Configuration"):\n${lines.join("\n")}`);
}

export const env = parseEnv(process.env);

// next-auth v4 reads its origin from process.env on every request: NEXTAUTH_URL, else the
// request's (forwarded) host when VERCEL or AUTH_TRUST_HOST is set, else http://localhost:3000,
// which breaks `next start` on any other host or port. APP_URL (always set in production) is the
// public origin; only in development without it is the Host header trusted. See docs/auth.md.
if (!env.NEXTAUTH_URL) {
  if (env.APP_URL) process.env.NEXTAUTH_URL = env.APP_URL;
  else if (!env.VERCEL) process.env.AUTH_TRUST_HOST ??= "1";
}
