// A URL someone configured, as it may be shown or logged: origin and path only. The query string,
// the fragment and any user:password@ may carry the receiver's own token (a fulfillment URL like
// https://wms.example.in/hook?token=…), which only the people who may change the URL should see.

export function urlWithoutSecrets(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
