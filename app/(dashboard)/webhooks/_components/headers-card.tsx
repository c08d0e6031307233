import { Card, CardHeader } from "@/components/ui/card";

/** Request headers as stored (credentials masked at ingest), sorted by name. */
export function HeadersCard({ headers }: { headers: Record<string, string> }) {
  const rows = Object.keys(headers)
    .sort()
    .map((name) => [name, Object.getOwnPropertyDescriptor(headers, name)?.value as string] as const);
  return (
    <Card>
      <CardHeader title="Headers" description={`${rows.length} received`} />
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-sm text-fg-muted">No headers were stored.</p>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="headers-table" className="w-full text-xs">
            <tbody className="divide-y divide-line">
              {rows.map(([name, value]) => (
                <tr key={name} className="align-top">
                  <th scope="row" className="w-1/3 px-4 py-1.5 text-left font-mono font-normal whitespace-nowrap text-fg-muted">
                    {name}
                  </th>
                  <td className="px-4 py-1.5 font-mono break-all text-fg">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
