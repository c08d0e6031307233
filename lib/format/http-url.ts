// A URL that becomes a link (an href) or is stored to become one: only http: and https:. A
// tracking_url from TribeMade, or any text someone else wrote, could be "javascript:…" or "data:…",
// which React renders as an href and the browser runs on click (React only warns about
// javascript: URLs). Client-safe.

/** The URL, normalised, when it is an absolute http(s) URL; otherwise null. */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}
