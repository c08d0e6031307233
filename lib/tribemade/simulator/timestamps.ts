// TribeMade writes two timestamp styles (docs/tribemade-api.md §1, §6, §7): the webhook's created_at has
// microseconds and NO offset ("2024-11-16T10:30:45.123456"), the API's carry "+00:00". JS clocks
// give milliseconds, so orders keep three extra digits to make the microseconds.

function isoMillisNoZone(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23);
}

function micros(extra: number): string {
  return String(Math.max(0, Math.min(999, Math.trunc(extra)))).padStart(3, "0");
}

/** "2024-11-16T10:30:45.123456": UTC implied, as in the webhook payload. */
export function webhookTimestamp(ms: number, extraMicros = 0): string {
  return `${isoMillisNoZone(ms)}${micros(extraMicros)}`;
}

/** "2024-11-18T10:46:12.123456+00:00": as in the API's GET responses. */
export function apiTimestamp(ms: number, extraMicros = 0): string {
  return `${webhookTimestamp(ms, extraMicros)}+00:00`;
}

/** Parses either style back to epoch ms + extra micros (for created_at overrides). */
export function parseTimestamp(value: string): { ms: number; micros: number } | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?(Z|[+-]00:00)?$/.exec(value);
  if (!match) return null;
  const fraction = (match[2] ?? "").padEnd(6, "0");
  const ms = Date.parse(`${match[1]}.${fraction.slice(0, 3)}Z`);
  if (Number.isNaN(ms)) return null;
  return { ms, micros: Number(fraction.slice(3)) };
}
