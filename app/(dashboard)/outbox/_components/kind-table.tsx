import { Card, CardHeader } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OutboxOverviewDto } from "@/lib/outbox/schemas";
import { KIND_HINT, KIND_LABEL } from "./labels";
import { formatCount } from "@/lib/format/numbers";

function Count({ value, tone }: { value: number; tone?: "red" }) {
  if (value === 0) return <span className="text-fg-subtle">0</span>;
  return (
    <span className={tone === "red" ? "font-medium text-red-600 dark:text-red-400" : "font-medium"}>{formatCount(value)}</span>
  );
}

export function KindTable({ depth }: { depth: OutboxOverviewDto["depth"] }) {
  return (
    <Card className="overflow-hidden">
      <CardHeader title="Queue by kind" description="Done counts the last 24 hours." />
      <Table className="[&_td]:px-3 [&_th]:px-3">
        <TableHeader>
          <TableRow>
            <TableHead>Kind</TableHead>
            <TableHead className="text-right">Waiting</TableHead>
            <TableHead className="text-right">Sending</TableHead>
            <TableHead className="text-right">Dead</TableHead>
            <TableHead className="text-right">Done</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {depth.map((row) => (
            <TableRow key={row.kind}>
              <TableCell>
                <span className="font-medium whitespace-nowrap" title={`${KIND_HINT[row.kind]} (${row.kind})`}>
                  {KIND_LABEL[row.kind]}
                </span>
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <Count value={row.pending} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <Count value={row.leased} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <Count value={row.dead} tone="red" />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <Count value={row.done24h} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
