// Response headers for every route (next.config.ts), and for the webhook route where the production
// server answers it before Next.js (lib/webhooks/ingest/server-receiver.ts). Plain TypeScript:
// next.config.ts and scripts/serve.ts load it outside the app bundle.
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];
