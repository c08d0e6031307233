// Every date and time the app shows. IST (Asia/Kolkata, no daylight saving) is the merchants' time
// zone, and fixing it means the server and the browser render the same text (no hydration flicker).
// Formatters are built once: cheap per row. Client-safe.

const IST = "Asia/Kolkata";

const dateTime = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: IST,
});
const date = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", year: "numeric", timeZone: IST });
const stamp = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: IST,
});
const full = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: IST,
});
const hourOnly = new Intl.DateTimeFormat("en-IN", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: IST });
const medium = new Intl.DateTimeFormat("en-IN", { dateStyle: "medium", timeStyle: "medium", timeZone: IST });
const shortDate = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", timeZone: IST });

type DateInput = Date | string;

/** "5 Dec 2026, 02:30 pm" */
export function formatDateTime(value: DateInput): string {
  return dateTime.format(new Date(value));
}

/** "5 Dec 2026" */
export function formatDate(value: DateInput): string {
  return date.format(new Date(value));
}

/** "28 Nov, 14:03:22": dense lists. */
export function formatStamp(value: DateInput): string {
  return stamp.format(new Date(value));
}

/** "28 Nov 2026, 14:03:22 IST": tooltips and detail pages. */
export function formatFull(value: DateInput): string {
  return `${full.format(new Date(value))} IST`;
}

/** "14:00": chart axes. */
export function formatHour(value: DateInput): string {
  return hourOnly.format(new Date(value));
}

/** "28 Nov 2026, 2:03:22 pm": a time shown plainly where a relative one would mislead. */
export function formatMedium(value: DateInput): string {
  return medium.format(new Date(value));
}

/** "just now", "45s ago", "12m ago", "3h ago", "2d ago", then a date ("12 Nov", "12 Nov 2025"). */
export function formatRelative(value: Date, reference: number): string {
  const seconds = Math.round((reference - value.getTime()) / 1000);
  if (seconds < -60) return medium.format(value); // clock skew or a future date: show it plainly
  if (seconds < 10) return "just now";
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days}d ago`;
  const sameYear = new Date(reference).getFullYear() === value.getFullYear();
  return sameYear ? shortDate.format(value) : date.format(value);
}
