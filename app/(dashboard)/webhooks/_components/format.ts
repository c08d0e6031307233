// Small display formats for the inspector. Times are IST, the merchants' time zone, like the rest
// of the app (components/ui/time-ago.tsx), and fixed so server and browser render the same text.

const stamp = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "Asia/Kolkata",
});
const full = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "Asia/Kolkata",
});
const hourOnly = new Intl.DateTimeFormat("en-IN", {
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "Asia/Kolkata",
});

/** "28 Nov, 14:03:22" */
export function formatStamp(iso: string): string {
  return stamp.format(new Date(iso));
}

/** "28 Nov 2026, 14:03:22 IST", for tooltips and the detail page. */
export function formatFull(iso: string): string {
  return `${full.format(new Date(iso))} IST`;
}

/** "14:00", for chart axes. */
export function formatHour(iso: string): string {
  return hourOnly.format(new Date(iso));
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(size < 10 * 1024 ? 1 : 0)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** "0.84 ms", "12 ms", "1.2 s" */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The first block of a UUID: enough to tell orders apart in a dense list. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : "—";
}

/** The status the sender got for a rejection reason (lib/http/app-error.ts's table). */
const REASON_STATUS: Record<string, number> = {
  invalid_json: 400,
  invalid_payload: 400,
  unsupported_event: 400,
  store_mismatch: 403,
  payload_too_large: 413,
  internal_error: 503,
};

export function reasonStatus(reason: string): number | null {
  return REASON_STATUS[reason] ?? null;
}

/** invalid_payload → "Invalid payload" */
export function reasonLabel(reason: string): string {
  const text = reason.replaceAll("_", " ").replace(/\bjson\b/g, "JSON");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
