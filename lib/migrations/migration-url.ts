// The URL migrations run over. They hold a session-level advisory lock (the one `prisma migrate`
// takes) across several statements, which a transaction pooler would split over server
// connections, leaking the lock. So: DATABASE_URL_UNPOOLED (the direct URL; the Vercel/Neon
// convention) when set, else DATABASE_URL unless its shape says it is a transaction pooler.
import { transactionPoolerShape } from "../db-url";

export function migrationUrl(source: Record<string, string | undefined>): string {
  if (source.DATABASE_URL_UNPOOLED) return source.DATABASE_URL_UNPOOLED;
  const url = source.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  const pooler = transactionPoolerShape(url);
  if (pooler) {
    throw new Error(
      `DATABASE_URL looks like a transaction pooler (${pooler}); migrations need a direct connection. ` +
        "Set DATABASE_URL_UNPOOLED to your provider's direct URL (the app keeps using the pooled one).",
    );
  }
  return url;
}
