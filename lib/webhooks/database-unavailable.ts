import { isDatabaseUnavailable } from "@/lib/http/error-response";

// Prisma 7 with @prisma/adapter-pg reports an unreachable server as a P2010 whose
// meta.driverAdapterError.cause.kind says so, with no socket code or message that
// isDatabaseUnavailable (lib/http/error-response.ts) recognises. Until that helper learns these
// kinds, ingest checks both, so a down database answers 503, never 500.

const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_PG_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);

export function isIngestDatabaseUnavailable(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; code?: unknown } } } })
    ?.meta?.driverAdapterError?.cause;
  if (!cause) return false;
  if (typeof cause.kind === "string" && UNAVAILABLE_KINDS.has(cause.kind)) return true;
  return cause.kind === "postgres" && typeof cause.code === "string" && UNAVAILABLE_PG_CODES.has(cause.code);
}
