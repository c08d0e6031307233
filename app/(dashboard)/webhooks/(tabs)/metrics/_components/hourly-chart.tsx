import type { HourBucketDto } from "@/lib/webhooks/schemas";
import { formatHour } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/numbers";

// Stacked bars from divs: 24 bars need no chart library, and the colours are the outcome badges'.

const SEGMENTS = [
  { key: "accepted", label: "Accepted", className: "bg-emerald-500 dark:bg-emerald-400" },
  { key: "duplicate", label: "Duplicate", className: "bg-zinc-400 dark:bg-zinc-500" },
  { key: "rejected", label: "Rejected", className: "bg-red-500 dark:bg-red-400" },
] as const;

/** A round, even axis maximum (2, 4, 10, 20, 40, 100, …) at or above the tallest bar, so the
 * midline label is a whole number too. */
function niceMax(value: number): number {
  if (value <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [2, 4, 10, 20].map((step) => step * magnitude).find((step) => step >= value) ?? value;
}

export function HourlyChart({ hours }: { hours: HourBucketDto[] }) {
  const totals = hours.map((hour) => hour.accepted + hour.duplicate + hour.rejected);
  const max = niceMax(Math.max(0, ...totals));
  return (
    <figure className="grid gap-3">
      <div className="flex gap-2">
        <div className="text-fg-subtle flex h-44 flex-col justify-between text-right text-[11px] tabular-nums" aria-hidden="true">
          <span>{formatCount(max)}</span>
          <span>{formatCount(max / 2)}</span>
          <span>0</span>
        </div>
        <div
          className="border-line relative flex h-44 flex-1 items-end gap-px border-b border-l sm:gap-1"
          role="img"
          aria-label="Deliveries per hour, last 24 hours"
        >
          <div className="border-line pointer-events-none absolute inset-x-0 top-0 border-t border-dashed" />
          <div className="border-line pointer-events-none absolute inset-x-0 top-1/2 border-t border-dashed" />
          {hours.map((hour, index) => {
            const total = totals[index] ?? 0;
            const title = `${formatHour(hour.hour)} IST: ${total} (${hour.accepted} accepted, ${hour.duplicate} duplicate, ${hour.rejected} rejected)`;
            return (
              <div
                key={hour.hour}
                title={title}
                className="group hover:bg-surface-2/70 relative flex h-full flex-1 flex-col justify-end"
              >
                <div
                  className="flex flex-col-reverse overflow-hidden rounded-t-[2px]"
                  style={{ height: `${(total / max) * 100}%` }}
                >
                  {SEGMENTS.map((segment) =>
                    hour[segment.key] > 0 ? (
                      <div
                        key={segment.key}
                        className={segment.className}
                        style={{ height: `${(hour[segment.key] / total) * 100}%` }}
                      />
                    ) : null,
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <div className="text-fg-subtle flex pl-8 text-[11px] tabular-nums" aria-hidden="true">
        {hours.map((hour, index) => (
          <span key={hour.hour} className="flex-1 text-left">
            {index % 6 === 0 ? formatHour(hour.hour) : ""}
          </span>
        ))}
      </div>
      <figcaption className="text-fg-muted flex flex-wrap gap-x-4 gap-y-1 text-xs">
        {SEGMENTS.map((segment) => (
          <span key={segment.key} className="inline-flex items-center gap-1.5">
            <span className={`size-2 rounded-[2px] ${segment.className}`} /> {segment.label}
          </span>
        ))}
        <span className="text-fg-subtle ml-auto">Hours in IST</span>
      </figcaption>
    </figure>
  );
}
