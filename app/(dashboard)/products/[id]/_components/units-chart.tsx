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
      <CardHeader title="Units per day" description={`${total} units in the last 30 days, cancelled orders left out.`} />
      <div className="px-4 pb-4">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`}
          className="h-36 w-full"
          role="img"
          aria-label={`Units per day: ${total} in 30 days`}
        >
          {days.map((day, index) => {
            const height = (day.units / max) * HEIGHT;
            return (
              <g key={day.day}>
                <title>{`${day.day}: ${day.units} units`}</title>
                <rect
                  x={index * bar + 2}
                  y={HEIGHT - height}
                  width={Math.max(1, bar - 4)}
                  height={Math.max(day.units > 0 ? 2 : 0, height)}
                  rx={2}
                  className="fill-accent"
                />
              </g>
            );
          })}
          <line x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} className="stroke-line" />
          <text x={0} y={HEIGHT + 14} className="fill-fg-subtle text-[10px]">
            {days[0]?.day}
          </text>
          <text x={WIDTH} y={HEIGHT + 14} textAnchor="end" className="fill-fg-subtle text-[10px]">
            today
          </text>
        </svg>
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
