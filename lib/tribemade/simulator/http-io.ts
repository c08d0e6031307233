// Reading requests and writing JSON answers on plain node:http. Handlers return an ApiResponse
// value instead of writing, so faults can run after a handler and still change the answer.

import type { IncomingMessage, ServerResponse } from "node:http";

export type ApiResponse = { status: number; body: unknown; headers?: Record<string, string> };

export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): ApiResponse {
  return headers ? { status, body, headers } : { status, body };
}

/** TribeMade's error shape: { "error": "..." }, plus documented extras (invalid, retry_after). */
export function errorResponse(status: number, error: string, extra: Record<string, unknown> = {}): ApiResponse {
  return { status, body: { error, ...extra } };
}

/** Product bodies may carry up to 11 base64 images of 5 MB each (about 7 MB encoded). */
export const MAX_BODY_BYTES = 80 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(`body over ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export const INVALID_JSON = Symbol("invalid-json");

/** undefined for an empty body, INVALID_JSON when it does not parse. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

export function writeJson(res: ServerResponse, response: ApiResponse): void {
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...response.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
