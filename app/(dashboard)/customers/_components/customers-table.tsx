import Link from "next/link";
import { TagChips } from "@/components/customers/tag-chip";
import { Money } from "@/components/ui/money";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatFull } from "@/lib/format/dates";
import { formatPhone } from "@/lib/format/phone";
import { customerHref } from "@/lib/customers/customers-url";
import type { CustomerRowDto } from "@/lib/customers/schemas";

export function CustomersTable({ customers }: { customers: CustomerRowDto[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Customer</TableHead>
          <TableHead className="hidden md:table-cell">Phone</TableHead>
          <TableHead className="text-right">Orders</TableHead>
          <TableHead className="text-right">Spent</TableHead>
          <TableHead className="hidden sm:table-cell">Last order</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {customers.map((customer) => (
          <TableRow key={customer.id}>
            <TableCell className="min-w-0 py-2">
              <div className="flex min-w-0 flex-wrap items-center gap-1.5">
                <Link href={customerHref(customer.id)} className="text-fg truncate font-medium hover:underline">
                  {customer.name}
                </Link>
                <TagChips tags={customer.tags} />
              </div>
              <div className="text-fg-muted truncate text-xs">{customer.email}</div>
            </TableCell>
            <TableCell className="text-fg-muted hidden py-2 text-sm whitespace-nowrap tabular-nums md:table-cell">
              {formatPhone(customer.phone)}
            </TableCell>
            <TableCell className="py-2 text-right tabular-nums">{customer.orderCount}</TableCell>
            <TableCell className="py-2 text-right">
              <Money amount={customer.totalSpent} />
            </TableCell>
            <TableCell className="text-fg-muted hidden py-2 text-sm whitespace-nowrap sm:table-cell">
              <time dateTime={customer.lastOrderAt} title={formatFull(customer.lastOrderAt)}>
                {formatDate(customer.lastOrderAt)}
              </time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
