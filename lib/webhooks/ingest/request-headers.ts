// The headers a delivery is stored with: what the inspector shows and "copy as curl" replays.
// Credentials a browser or proxy might attach are masked; TribeMade sends none (its only secret is
// the token in the URL, which is never stored).

const MASKED = new Set(["authorization", "cookie", "proxy-authorization", "x-api-key"]);
const MAX_HEADERS = 100;
const MAX_VALUE_LENGTH = 2000;

/** `headers`: lower-case names, in the order to store them (a Web `Headers` iterates sorted). */
export function captureHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of headers) {
    if (count++ >= MAX_HEADERS) break;
    // Header values are Latin-1 byte strings: always valid text, never NUL.
    const kept = MASKED.has(name) ? "[masked]" : value.slice(0, MAX_VALUE_LENGTH);
    Object.defineProperty(out, name, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
