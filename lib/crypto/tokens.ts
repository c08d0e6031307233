import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// URL secrets (webhook endpoint tokens, invite links): 32 random bytes, stored only as SHA-256.

export function newUrlToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256Hex(value: string | Uint8Array): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Constant-time comparison of two hex digests (or any two strings). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
