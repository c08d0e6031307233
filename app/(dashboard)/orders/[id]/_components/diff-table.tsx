// A field-by-field difference, as verification (webhook vs TribeMade's API) and refreshes (before vs
// after) record it. The shapes the outbox may write are read tolerantly: a list of
// {path, webhook|before|from, tribemade|after|to}, or an object of field → such a pair (or a
// two-item array); anything else is shown as JSON.

type Pair = { field: string; left: unknown; right: unknown };

const LEFT = ["webhook", "before", "from", "expected", "sent"] as const;
const RIGHT = ["tribemade", "api", "after", "to", "actual", "fetched"] as const;

function pick(record: Record<string, unknown>, keys: readonly string[]): { found: boolean; value: unknown } {
  for (const key of keys) if (key in record) return { found: true, value: record[key] };
  return { found: false, value: undefined };
}

function asPair(field: string, value: unknown): Pair | null {
  if (Array.isArray(value) && value.length === 2) return { field, left: value[0], right: value[1] };
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const left = pick(record, LEFT);
    const right = pick(record, RIGHT);
    if (left.found || right.found) return { field, left: left.value, right: right.value };
  }
  return null;
}

export function readPairs(diff: unknown): Pair[] | null {
  if (Array.isArray(diff)) {
    const pairs = diff.map((item) => {
      if (!item || typeof item !== "object") return null;
      const record = item as Record<string, unknown>;
      const field = typeof record.path === "string" ? record.path : typeof record.field === "string" ? record.field : null;
      return field ? asPair(field, record) : null;
    });
    return pairs.every((pair) => pair !== null) ? (pairs as Pair[]) : null;
  }
  if (diff && typeof diff === "object") {
    const pairs = Object.entries(diff as Record<string, unknown>).map(([field, value]) => asPair(field, value));
    return pairs.length > 0 && pairs.every((pair) => pair !== null) ? (pairs as Pair[]) : null;
  }
  return null;
}

const show = (value: unknown) => (value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

export function DiffTable({ diff, left = "Webhook", right = "TribeMade" }: { diff: unknown; left?: string; right?: string }) {
  const pairs = readPairs(diff);
  if (!pairs) {
    return (
      <pre className="bg-surface-2 text-fg-muted mt-1 max-h-64 overflow-auto rounded-md p-2 text-[11px]">
        {JSON.stringify(diff, null, 2)}
      </pre>
    );
  }
  return (
    <div className="border-line mt-1.5 overflow-x-auto rounded-md border">
      <table className="w-full text-xs">
        <thead className="bg-surface-2/60 text-fg-muted">
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-medium">
              Field
            </th>
            <th scope="col" className="px-2 py-1 text-left font-medium">
              {left}
            </th>
            <th scope="col" className="px-2 py-1 text-left font-medium">
              {right}
            </th>
          </tr>
        </thead>
        <tbody className="divide-line divide-y">
          {pairs.map((pair) => (
            <tr key={pair.field}>
              <td className="text-fg px-2 py-1 font-mono">{pair.field}</td>
              <td className="px-2 py-1 break-all text-red-700 dark:text-red-300">{show(pair.left)}</td>
              <td className="px-2 py-1 break-all text-emerald-700 dark:text-emerald-300">{show(pair.right)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
