// TribeMade keys look like "tb-a1b2-c3d-e4f5": "tb-" then groups of 4, 3 and 4 (16 characters).
// The docs leave the alphabet open; the example is lowercase hex, so we generate that and accept
// any letters or digits.

import { randomBytes } from "node:crypto";

export const API_KEY_PATTERN = /^tb-[A-Za-z0-9]{4}-[A-Za-z0-9]{3}-[A-Za-z0-9]{4}$/;

export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/** Uses crypto, not the seeded generator: two simulators with one seed must not share keys. */
export function generateApiKey(): string {
  const hex = randomBytes(6).toString("hex");
  return `tb-${hex.slice(0, 4)}-${hex.slice(4, 7)}-${hex.slice(7, 11)}`;
}
