// AWB (air waybill) number → the courier's public tracking page, for "Mark dispatched". TribeMade
// emails the customer the tracking URL it is given (docs/decisions.md), so the URL must open the
// courier's page for that parcel. Client-safe: the dispatch dialog previews the link as you type
// and the server builds the same one.
//
// Where each pattern comes from. None of these couriers publishes a "link to a parcel" format in
// its API docs (those describe authenticated tracking APIs), so the patterns are the deep links
// the couriers' own tracking pages use, cross-checked against shop integrations found with a code
// search (2026-12): carrier tables in several open-source Indian shop backends agree on each one.
// - Delhivery: www.delhivery.com/track/package/<waybill>; the most common pattern by far.
// - Blue Dart: www.bluedart.com/web/guest/trackdartresultthirdparty?trackFor=0&trackNo=<awb>; the
//   page Blue Dart's own "track" form posts to; also what scrapers of its tracking page fetch.
// - DTDC: www.dtdc.in/tracking/tracking_results.asp?Ttype=awb_no&strCnno=<cn>&TrkType2=awb_no; the
//   pattern WooCommerce's Shipment Tracking extension ships for India.
// - Ekart: ekartlogistics.com/shipmenttrack/<tracking id>.
// - Xpressbees: www.xpressbees.com/shipment/tracking?awbNo=<awb>.
// - India Post: its tracking page asks for the article number behind a CAPTCHA and has no deep
//   link (India Post's help text: "Enter the Postal Article Number in the Tracking Number(s) box";
//   https://sptirupatidop.blogspot.com/2015/02/india-post-online-tracking-facility.html, which also
//   gives the formats checked below). The link opens that page with the number in the fragment, so
//   the customer sees it in the email and the link still works.
// Number formats are checked loosely (length and character set): a typo that passes still opens
// the courier's page, which says "not found"; the point is to catch a pasted order id or a URL.

export const COURIERS = ["delhivery", "bluedart", "dtdc", "ekart", "xpressbees", "indiapost"] as const;
export type Courier = (typeof COURIERS)[number];

type CourierSpec = {
  name: string;
  /** The number's shape after normalising (upper case, no spaces or dashes). */
  pattern: RegExp;
  /** What a valid number looks like, for the error message. */
  example: string;
  url: (awb: string) => string;
  /** Host names of the courier's tracking pages, to recognise a pasted link. */
  hosts: readonly string[];
};

const enc = encodeURIComponent;

export const COURIER_SPECS: Record<Courier, CourierSpec> = {
  delhivery: {
    name: "Delhivery",
    pattern: /^\d{10,15}$/,
    example: "a 10–15 digit waybill, like 1610000000001",
    url: (awb) => `https://www.delhivery.com/track/package/${enc(awb)}`,
    hosts: ["delhivery.com"],
  },
  bluedart: {
    name: "Blue Dart",
    pattern: /^\d{9,11}$/,
    example: "a 9–11 digit waybill, like 77937279125",
    url: (awb) => `https://www.bluedart.com/web/guest/trackdartresultthirdparty?trackFor=0&trackNo=${enc(awb)}`,
    hosts: ["bluedart.com"],
  },
  dtdc: {
    name: "DTDC",
    pattern: /^(?=.*\d)[A-Z0-9]{8,14}$/,
    example: "8–14 letters and digits, like D12345678",
    url: (awb) => `https://www.dtdc.in/tracking/tracking_results.asp?Ttype=awb_no&strCnno=${enc(awb)}&TrkType2=awb_no`,
    hosts: ["dtdc.in", "dtdc.com"],
  },
  ekart: {
    name: "Ekart",
    pattern: /^(?=.*\d)[A-Z0-9]{10,20}$/,
    example: "10–20 letters and digits, like FMPC0279658213",
    url: (awb) => `https://ekartlogistics.com/shipmenttrack/${enc(awb)}`,
    hosts: ["ekartlogistics.com"],
  },
  xpressbees: {
    name: "Xpressbees",
    pattern: /^\d{10,16}$/,
    example: "a 10–16 digit AWB, like 14123456789012",
    url: (awb) => `https://www.xpressbees.com/shipment/tracking?awbNo=${enc(awb)}`,
    hosts: ["xpressbees.com"],
  },
  indiapost: {
    name: "India Post",
    // UPU S10 article numbers: Speed Post EE123456789IN, registered RX123456789IN, parcels CP…IN.
    pattern: /^[A-Z]{2}\d{9}[A-Z]{2}$/,
    example: "13 characters, like EE123456789IN",
    url: (awb) => `https://www.indiapost.gov.in/_layouts/15/dop.portal.tracking/trackconsignment.aspx#${enc(awb)}`,
    hosts: ["indiapost.gov.in"],
  },
};

export function isCourier(value: string): value is Courier {
  return (COURIERS as readonly string[]).includes(value);
}

/** Upper case without spaces, dashes or dots: how couriers print and read AWBs. */
export function normaliseAwb(awb: string): string {
  return awb.replace(/[\s\-.]/g, "").toUpperCase();
}

export type TrackingResult = { ok: true; url: string } | { ok: false; message: string };

/** The tracking URL for an AWB with this courier, or why the number does not look right. */
export function trackingUrlFor(courier: Courier, awb: string): TrackingResult {
  const spec = COURIER_SPECS[courier];
  const number = normaliseAwb(awb);
  if (number === "") return { ok: false, message: "Enter the AWB number." };
  if (!spec.pattern.test(number))
    return { ok: false, message: `That does not look like a ${spec.name} AWB: expected ${spec.example}.` };
  return { ok: true, url: spec.url(number) };
}

/** TribeMade accepts http(s) tracking links; anything else is refused before it is queued. */
export const MAX_TRACKING_URL_LENGTH = 2_000;

export function checkTrackingUrl(value: string): TrackingResult {
  const text = value.trim();
  if (text === "") return { ok: false, message: "Enter a tracking link." };
  if (text.length > MAX_TRACKING_URL_LENGTH) return { ok: false, message: "That link is too long." };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: "Use a full link starting with https://." };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "Use an http:// or https:// link." };
  if (!url.hostname.includes(".") && url.hostname !== "localhost")
    return { ok: false, message: "That link has no real host name." };
  return { ok: true, url: url.toString() };
}

/** Which courier a pasted tracking link belongs to, for showing its name; null when unknown. */
export function courierOfUrl(value: string): Courier | null {
  let host: string;
  try {
    host = new URL(value).hostname.toLowerCase();
  } catch {
    return null;
  }
  return COURIERS.find((courier) => COURIER_SPECS[courier].hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? null;
}
