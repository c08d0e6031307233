import { Card, CardHeader } from "@/components/ui/card";
import { formatFull, formatStamp } from "@/lib/format/dates";
import type { ProductEventRow } from "@/lib/products/product-page";

// Every stock change and edit of the product, newest first, with who and why. Event types this
// page does not know still show, with their type.

type Data = Record<string, unknown>;

const FIELD_WORDS: Record<string, string> = { stock: "stock", price: "MRP", current_price: "price", is_active: "visibility" };

function fields(data: Data): string {
  const changed = (data.fields ?? {}) as Data;
  return Object.entries(changed)
    .map(([field, value]) =>
      field === "is_active" ? (value ? "show it" : "hide it") : `${FIELD_WORDS[field] ?? field} → ${String(value)}`,
    )
    .join(", ");
}

function describe(event: ProductEventRow): { title: string; detail?: string; tone?: "red" | "amber" } {
  const data = (event.data ?? {}) as Data;
  switch (event.type) {
    case "stock_changed": {
      const why = data.why === "sale" ? "an order" : data.why === "cancellation" ? "a cancellation" : "a person";
      const clamped = data.clamped ? " (would have gone below 0: set to 0)" : "";
      const again = data.alreadyApplied ? " TribeMade already had it after a lost answer." : "";
      return {
        title: `Stock ${String(data.before)} → ${String(data.after)}${clamped}`,
        detail: `By ${why}${data.quantity !== undefined && data.why !== "set by hand" ? `, ${String(data.quantity)} units` : ""}.${again}`,
        tone: data.clamped ? "amber" : undefined,
      };
    }
    case "stock_read":
      return { title: `Stock ${String(data.before)} → ${String(data.after)}`, detail: "Changed at TribeMade, seen on a read." };
    case "stock_unclear":
      return { title: "Stock change not sent again", detail: String(data.note ?? ""), tone: "amber" };
    case "stock_change_failed":
      return { title: "TribeMade refused a stock change", detail: String(data.error ?? ""), tone: "red" };
    case "edit_requested":
      return { title: `Asked to ${fields(data)}` };
    case "edit_undone":
      return { title: "Edit undone before it was sent" };
    case "edited":
      return { title: `TribeMade has it: ${fields(data)}` };
    case "edit_failed":
      return { title: `TribeMade refused: ${fields(data)}`, detail: String(data.error ?? ""), tone: "red" };
    case "low_stock":
      return {
        title: `Low on stock: ${String(data.stock)} left`,
        detail: `At or below ${String(data.threshold)}.`,
        tone: "amber",
      };
    case "restocked":
      return { title: `Restocked: ${String(data.stock)}`, detail: `Above ${String(data.threshold)} again.` };
    case "read":
      return { title: "Read from TribeMade", detail: data.stock !== null ? `Stock ${String(data.stock)}.` : undefined };
    case "gone":
      return { title: "TribeMade no longer has this product", detail: String(data.error ?? ""), tone: "red" };
    default:
      return { title: event.type };
  }
}

export function ProductTimeline({ events }: { events: ProductEventRow[] }) {
  return (
    <Card>
      <CardHeader title="Timeline" description="Stock changes and edits, newest first." />
      {events.length === 0 ? (
        <p className="text-fg-muted px-4 pb-4 text-sm">Nothing yet.</p>
      ) : (
        <ol className="space-y-3 px-4 pb-4" data-testid="product-timeline">
          {events.map((event) => {
            const { title, detail, tone } = describe(event);
            return (
              <li key={event.id} className="text-sm">
                <p
                  className={
                    tone === "red"
                      ? "font-medium text-red-700 dark:text-red-400"
                      : tone === "amber"
                        ? "font-medium text-amber-800 dark:text-amber-300"
                        : "text-fg font-medium"
                  }
                >
                  {title}
                </p>
                {detail ? <p className="text-fg-muted">{detail}</p> : null}
                <p className="text-fg-subtle text-xs">
                  {event.actor} ·{" "}
                  <time dateTime={event.createdAt.toISOString()} title={formatFull(event.createdAt)}>
                    {formatStamp(event.createdAt)}
                  </time>
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
