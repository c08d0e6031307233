import "server-only";
import type { PoolClient } from "pg";
import { pgPool } from "@/lib/db";

/** One short transaction on a pooled connection (never held across a call to TribeMade). */
export async function inPgTransaction<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
