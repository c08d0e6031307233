// The state a PIN code is in, from its first three digits (India Post's sorting districts), for a
// customer whose order has no structured address yet (the webhook's address is one string;
// docs/tribemade-api.md §7). Hand-written because the npm PIN-code datasets are several MB of
// per-post-office rows, too heavy for a serverless function, and unmaintained. Conservative: a
// prefix whose district straddles a state line (Mohali and Chandigarh share 160, Daman and Vapi
// 396, Mahe and Kozhikode 673, …) answers null, and the invoice asks for the state instead.
// Army and field post offices (9xx) are null too.

type Range = readonly [from: number, to: number, code: string | null];

const RANGES: readonly Range[] = [
  [110, 110, "07"],
  [121, 136, "06"],
  [140, 159, "03"],
  [160, 160, null],
  [161, 169, "03"],
  [171, 177, "02"],
  [180, 193, "01"],
  [194, 194, "38"],
  [201, 243, "09"],
  [244, 244, null],
  [245, 245, "09"],
  [246, 247, null],
  [248, 249, "05"],
  [250, 261, "09"],
  [262, 262, null],
  [263, 263, "05"],
  [264, 285, "09"],
  [301, 345, "08"],
  [360, 361, "24"],
  [362, 362, null],
  [363, 395, "24"],
  [396, 396, null],
  [400, 402, "27"],
  [403, 403, "30"],
  [404, 445, "27"],
  [450, 488, "23"],
  [490, 497, "22"],
  [500, 509, "36"],
  [515, 532, "37"],
  [533, 533, null],
  [534, 535, "37"],
  [560, 591, "29"],
  [600, 604, "33"],
  [605, 605, null],
  [606, 608, "33"],
  [609, 609, null],
  [610, 643, "33"],
  [670, 672, "32"],
  [673, 673, null],
  [674, 681, "32"],
  [682, 682, null],
  [683, 695, "32"],
  [700, 736, "19"],
  [737, 737, "11"],
  [738, 743, "19"],
  [744, 744, "35"],
  [751, 770, "21"],
  [781, 788, "18"],
  [790, 792, "12"],
  [793, 794, "17"],
  [795, 795, "14"],
  [796, 796, "15"],
  [797, 798, "13"],
  [799, 799, "16"],
  [800, 812, "10"],
  [813, 813, null],
  [814, 816, "20"],
  [817, 821, "10"],
  [822, 822, "20"],
  [823, 824, "10"],
  [825, 835, "20"],
  [841, 855, "10"],
];

/** The GST state code for a 6-digit PIN code, or null when the prefix does not settle it. */
export function stateCodeForPincode(pincode: string | null | undefined): string | null {
  const digits = (pincode ?? "").replace(/\s+/g, "");
  if (!/^[1-9]\d{5}$/.test(digits)) return null;
  const prefix = Number(digits.slice(0, 3));
  for (const [from, to, code] of RANGES) {
    if (prefix >= from && prefix <= to) return code;
  }
  return null;
}
