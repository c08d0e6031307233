import { formatHour } from "@/lib/format/dates";
import type { RunHourDto } from "@/lib/outbox/schemas";
import { TRIGGERS } from "./labels";
import { formatCount } from "@/lib/format/numbers";

// Drain runs per hour for the last 24 hours, stacked by what started them: an SVG of 24 columns
// scaled to the container, axis labels in HTML so text never stretches.

/** A round axis maximum (2, 4, 10, 20, 40, 100, …) at or above the tallest column. */
function niceMax(value: number): number {
  if (value <= 2) return 2;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [2, 4, 10, 20].map((step) => step * magnitude).find((step) => step >= value) ?? value;
}

export function RunsChart({ hours }: { hours: RunHourDto[] }) {
  const totals = hours.map((hour) => TRIGGERS.reduce((sum, trigger) => sum + hour.runs[trigger.key], 0));
  const max = niceMax(Math.max(0, ...totals));
  const runs = totals.reduce((sum, value) => sum + value, 0);
  const sent = hours.reduce((sum, hour) => sum + hour.sent, 0);
  const failed = hours.reduce((sum, hour) => sum + hour.failed, 0);
  return (
    <figure className="grid gap-3">
      <div className="flex gap-2">
        <div className="text-fg-subtle flex h-36 flex-col justify-between text-right text-[11px] tabular-nums" aria-hidden="true">
          <span>{max}</span>
          <span>{max / 2}</span>
          <span>0</span>
        </div>
        <svg
          viewBox={`0 0 ${hours.length} 100`}
          preserveAspectRatio="none"
          className="border-line h-36 flex-1 overflow-visible border-b border-l"
          role="img"
          aria-label={`Drain runs per hour, last 24 hours: ${runs} runs; ${sent} calls sent, ${failed} failed`}
        >
          <line
            x1="0"
            x2={hours.length}
            y1="0"
            y2="0"
            className="stroke-line"
            strokeDasharray="0.2 0.2"
            vectorEffect="non-scaling-stroke"
          />
          <line
            x1="0"
            x2={hours.length}
            y1="50"
            y2="50"
            className="stroke-line"
            strokeDasharray="0.2 0.2"
            vectorEffect="non-scaling-stroke"
          />
          {hours.map((hour, index) => {
            let top = 100;
            const parts = TRIGGERS.filter((trigger) => hour.runs[trigger.key] > 0).map((trigger) => {
              const height = (hour.runs[trigger.key] / max) * 100;
              top -= height;
              return <rect key={trigger.key} x={index + 0.15} width={0.7} y={top} height={height} className={trigger.fill} />;
            });
            const label = `${formatHour(hour.hour)} IST: ${totals[index]} runs (${TRIGGERS.map((t) => `${t.label.toLowerCase()} ${hour.runs[t.key]}`).join(", ")}); ${hour.sent} calls sent, ${hour.failed} failed`;
            return (
              <g key={hour.hour} className="hover:opacity-80">
                <title>{label}</title>
                <rect x={index} width={1} y={0} height={100} className="fill-transparent" />
                {parts}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="text-fg-subtle flex pl-6 text-[11px] tabular-nums" aria-hidden="true">
        {hours.map((hour, index) => (
          <span key={hour.hour} className="flex-1 text-left whitespace-nowrap">
            {index % 6 === 0 ? formatHour(hour.hour) : ""}
          </span>
        ))}
      </div>
      <figcaption className="text-fg-muted flex flex-wrap items-center gap-x-4 gap-y-1 text-xs">
        {TRIGGERS.map((trigger) => (
          <span key={trigger.key} className="inline-flex items-center gap-1.5" title={trigger.hint}>
            <span className={`size-2 rounded-[2px] ${trigger.swatch}`} /> {trigger.label}
          </span>
        ))}
        <span className="text-fg-subtle sm:ml-auto">
          {formatCount(sent)} calls sent, {formatCount(failed)} failed · hours in IST
        </span>
      </figcaption>
    </figure>
  );
}
