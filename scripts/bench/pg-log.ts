// PostgreSQL's background work as time spans, from its log (log_line_prefix '%m [%p] ',
// log_checkpoints, log_autovacuum_min_duration = 0): a line is written when the work ends and
// says how long it took, so the span is [end − elapsed, end].
import type { PgEvent } from "./tail";

const PREFIX = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) (\w+) \[\d+\] LOG:\s+(.*)$/;

export function parsePgLog(lines: readonly string[]): PgEvent[] {
  const events: PgEvent[] = [];
  for (const line of lines) {
    const match = PREFIX.exec(line.trim());
    if (!match) continue;
    const [, stamp, zone, message] = match as unknown as [string, string, string, string];
    const end = Date.parse(`${stamp.replace(" ", "T")}${zone === "UTC" || zone === "GMT" ? "Z" : ""}`);
    if (Number.isNaN(end)) continue;
    const autovacuum = /^automatic (vacuum|analyze) of table "([^"]+)"/.exec(message);
    const elapsed = /elapsed: ([\d.]+) s/.exec(message);
    if (autovacuum && elapsed) {
      const ms = Number(elapsed[1]) * 1000;
      events.push({ at: end - ms, ms, kind: `pg:auto${autovacuum[1]}` });
      continue;
    }
    const checkpoint = /^checkpoint complete:.*total=([\d.]+) s/.exec(message);
    if (checkpoint) {
      const ms = Number(checkpoint[1]) * 1000;
      events.push({ at: end - ms, ms, kind: "pg:checkpoint" });
    }
  }
  return events;
}
