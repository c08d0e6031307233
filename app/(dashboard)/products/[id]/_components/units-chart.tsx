import { Card, CardHeader } from "@/components/ui/card";
import type { DayUnits } from "@/lib/products/product-page";

const WIDTH = 600;
const HEIGHT = 120;

/** Units sold per day over 30 days (India time), as bars; the table beside it is for screen readers. */
export function UnitsChart({ days }: { days: DayUnits[] }) {
  const max = Math.max(1, ...days.map((day) => day.units));
  const total = days.reduce((sum, day) => sum + day.units, 0);
  const bar = WIDTH / Math.max(1, days.length);
  return (
    <Card>
      <CardHeader
        title="Units per day"
        description={`${total} ${total === 1 ? "unit" : "units"} in the last 30 days, from orders TribeMade confirmed (cancelled ones left out).`}
      />
      <div className="px-4 pt-3 pb-4">
        {/* Stretched to the card's width (no aspect ratio kept), so a phone gets bars as tall as a desktop's;
            the labels are HTML, not SVG text, so they do not stretch with it. */}
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="h-28 w-full"
          role="img"
          aria-label={`Units per day: ${total} in 30 days`}
        >
          {days.map((day, index) => {
            const height = (day.units / max) * HEIGHT;
            return (
              <g key={day.day}>
                <title>{`${day.day}: ${day.units} ${day.units === 1 ? "unit" : "units"}`}</title>
                <rect
                  x={index * bar + 2}
                  y={HEIGHT - height}
                  width={Math.max(1, bar - 4)}
                  height={Math.max(day.units > 0 ? 2 : 0, height)}
                  className="fill-accent"
                />
              </g>
            );
          })}
          <line x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} vectorEffect="non-scaling-stroke" className="stroke-line" />
        </svg>
        <div className="text-fg-subtle mt-1 flex justify-between text-xs" aria-hidden>
          <span>{days[0]?.day}</span>
          <span>today</span>
        </div>
        <table className="sr-only">
          <caption>Units per day</caption>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{day.day}</th>
                <td>{day.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
