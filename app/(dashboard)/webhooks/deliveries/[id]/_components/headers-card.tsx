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
        <p className="text-fg-muted px-4 py-3 text-sm">No headers were stored.</p>
      ) : (
        <div className="overflow-x-auto">
          <table data-testid="headers-table" className="w-full text-xs">
            <tbody className="divide-line divide-y">
              {rows.map(([name, value]) => (
                <tr key={name} className="align-top">
                  <th scope="row" className="text-fg-muted w-1/3 px-4 py-1.5 text-left font-mono font-normal whitespace-nowrap">
                    {name}
                  </th>
                  <td className="text-fg px-4 py-1.5 font-mono break-all">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
