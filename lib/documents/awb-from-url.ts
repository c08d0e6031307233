// The AWB (waybill) number inside a tracking link, for the label's Code 128 barcode. Tribedesk
// keeps only the link TribeMade was given (lib/orders/awb.ts builds it from courier + AWB), so the
// number is read back from where each courier's link carries it, or from a query parameter with a
// usual name for links of other couriers. No number found → the label shows the QR code only.
// Pure and client-safe.

const QUERY_NAMES = [
  "awb",
  "awbno",
  "awb_no",
  "trackno",
  "trackingno",
  "tracking_number",
  "trackingnumber",
  "waybill",
  "strcnno",
  "cnno",
];
const PATH_PATTERNS: Array<{ host: string; pattern: RegExp }> = [
  { host: "delhivery.com", pattern: /\/track\/package\/([^/?#]+)/ },
  { host: "ekartlogistics.com", pattern: /\/shipmenttrack\/([^/?#]+)/ },
];
const AWB_SHAPE = /^[A-Z0-9-]{6,30}$/;

function clean(value: string | null | undefined): string | null {
  if (!value) return null;
  const awb = decodeURIComponent(value).replace(/[\s.]/g, "").toUpperCase();
  return AWB_SHAPE.test(awb) ? awb : null;
}

export function awbFromTrackingUrl(trackingUrl: string | null | undefined): string | null {
  if (!trackingUrl) return null;
  let url: URL;
  try {
    url = new URL(trackingUrl);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  for (const { host: courier, pattern } of PATH_PATTERNS) {
    if (host === courier || host.endsWith(`.${courier}`)) {
      const found = clean(pattern.exec(url.pathname)?.[1]);
      if (found) return found;
    }
  }
  for (const [name, value] of url.searchParams) {
    if (QUERY_NAMES.includes(name.toLowerCase())) {
      const found = clean(value);
      if (found) return found;
    }
  }
  // India Post's page has no deep link: the number travels in the fragment.
  if (host.endsWith("indiapost.gov.in")) return clean(url.hash.slice(1));
  return null;
}
