// GSTIN (GST identification number) checks. Client-safe: the settings form validates as you type
// and the server action parses again.
//
// A GSTIN is 15 characters: the 2-digit state code, the holder's PAN (5 letters, 4 digits, 1
// letter), the registration's number for that PAN in that state (1–9, then A–Z), "Z" by default,
// and a check character. The check character is a Luhn "mod 36" over the first 14 (GSTN's
// published algorithm): each character's value in 0–9A–Z times an alternating factor 1, 2, 1, …;
// each product contributes its base-36 quotient plus remainder; the check character brings the
// sum to a multiple of 36. A few lines, so no library: the npm packages for it are unmaintained
// one-file modules.

import { stateByCode } from "@/lib/documents/india-states";

const CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const SHAPE = /^\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z][A-Z0-9][0-9A-Z]$/;

/** The check character for the first 14 characters of a GSTIN (upper case). */
export function gstinCheckChar(first14: string): string {
  let sum = 0;
  for (let index = 0; index < 14; index++) {
    const value = CHARSET.indexOf(first14[index] ?? "");
    if (value < 0) throw new Error("gstinCheckChar: not a GSTIN character");
    const product = value * (index % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return CHARSET[(36 - (sum % 36)) % 36] as string;
}

export type GstinCheck = { ok: true; gstin: string; stateCode: string } | { ok: false; message: string };

/** Upper-cases and checks shape, state code and check character. */
export function checkGstin(input: string): GstinCheck {
  const gstin = input.trim().toUpperCase().replace(/\s+/g, "");
  if (gstin.length !== 15) return { ok: false, message: "A GSTIN has 15 characters, like 29ABCDE1234F1Z5." };
  if (!SHAPE.test(gstin)) {
    return { ok: false, message: "That is not a GSTIN: 2 digits (state), the 10-character PAN, then 3 characters." };
  }
  const stateCode = gstin.slice(0, 2);
  if (!stateByCode(stateCode)) return { ok: false, message: `${stateCode} is not a GST state code.` };
  if (gstinCheckChar(gstin.slice(0, 14)) !== gstin[14]) {
    return { ok: false, message: "The last character (the check digit) does not match: check for a typo." };
  }
  return { ok: true, gstin, stateCode };
}
