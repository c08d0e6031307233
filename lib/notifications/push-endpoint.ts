// Which push endpoints a subscription may name. The server POSTs to whatever URL a browser handed
// over, so an unchecked endpoint would let any member make our servers call any address (SSRF).
// Browsers only ever hand out their vendor's push service, so the check is a list of those hosts,
// https only; the embedded demo and the tests also accept a local fake push service. Client-safe.

/** Chrome/Edge/Opera (FCM), Firefox (autopush), Safari (Apple), Edge legacy (WNS). */
const PUSH_HOSTS = [
  /^fcm\.googleapis\.com$/,
  /^updates\.push\.services\.mozilla\.com$/,
  /(^|\.)push\.apple\.com$/,
  /\.notify\.windows\.com$/,
];

export function pushEndpointAllowed(endpoint: string, allowLocal: boolean): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  if (allowLocal && (url.protocol === "http:" || url.protocol === "https:")) return true;
  return url.protocol === "https:" && url.port === "" && PUSH_HOSTS.some((host) => host.test(url.hostname));
}
