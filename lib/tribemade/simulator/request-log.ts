// Records each non-control request the simulator answered (or left hanging), for the control
// API's read-back. Bodies are kept parsed when JSON, capped when large (images can be megabytes).

import type { IncomingHttpHeaders } from "node:http";
import type { SimulatorContext } from "./context";
import { pushCapped } from "./state";
import { apiTimestamp } from "./timestamps";

const BODY_CAP = 16 * 1024;

export type RequestRecord = {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  startedMs: number;
  startedPerf: number;
  status: number | null;
  storeId: string | null;
  fault: string | null;
};

function bodyForLog(body: Buffer): unknown {
  if (body.length === 0) return null;
  if (body.length > BODY_CAP) return `${body.subarray(0, BODY_CAP).toString("utf8")}… (${body.length} bytes)`;
  const text = body.toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]],
    ),
  );
}

export function recordRequest(ctx: SimulatorContext, record: RequestRecord): void {
  ctx.state.seq.request += 1;
  pushCapped(ctx.state.requests, {
    seq: ctx.state.seq.request,
    at: apiTimestamp(record.startedMs),
    method: record.method,
    path: record.path,
    query: record.query,
    headers: flatHeaders(record.headers),
    body: bodyForLog(record.body),
    status: record.status,
    durationMs: Math.round(performance.now() - record.startedPerf),
    storeId: record.storeId,
    fault: record.fault,
  });
}
