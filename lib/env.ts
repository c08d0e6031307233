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
  /** Public origin of this deployment, used to print webhook URLs; else taken from the request. */
  APP_URL: z.url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** next-auth v4's own origin setting; optional everywhere (see docs/auth.md). */
  NEXTAUTH_URL: z.url().optional(),
  /** Set by Vercel itself; next-auth v4 then trusts the forwarded host. */
  VERCEL: z.string().optional(),
  /** Set by the embedded default: seeds and demo helpers are allowed. */
  TRIBEDESK_DEMO: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
  /** Set only by `npm run bench`: enables the no-database baseline route (/api/bench/baseline). */
  TRIBEDESK_BENCH: z
    .enum(["0", "1"])
    .default("0")
    .transform((value) => value === "1"),
});

export type Env = z.infer<typeof envSchema>;

/** Parses a set of variables; throws one error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration (see README "Configuration"):\n${lines.join("\n")}`);
}

export const env = parseEnv(process.env);

// next-auth v4 reads its origin from process.env on every request: NEXTAUTH_URL, else the
// request's (forwarded) host when VERCEL or AUTH_TRUST_HOST is set, else http://localhost:3000,
// which breaks `next start` on any other host or port. APP_URL, when given, is the public
// origin; otherwise trust the Host header, as v5's `trustHost` does. See docs/auth.md.
if (!env.NEXTAUTH_URL && !env.VERCEL) {
  if (env.APP_URL) process.env.NEXTAUTH_URL = env.APP_URL;
  else process.env.AUTH_TRUST_HOST ??= "1";
}
