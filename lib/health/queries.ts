import "server-only";
import { db } from "@/lib/db";

/** Is the database answering? Bounded, so a health check never hangs. */
export async function isDatabaseUp(timeoutMs = 1_500): Promise<boolean> {
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
  const probe = db.$queryRaw`SELECT 1`.then(
    () => true,
    () => false,
  );
  return Promise.race([probe, timeout]);
}
