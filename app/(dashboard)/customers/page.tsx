import type { Metadata } from "next";
import { Download, Search, Users } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { TabLinks } from "@/components/ui/tab-links";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { customersHref, parseCustomersUrl } from "@/lib/customers/customers-url";
import { listCustomers } from "@/lib/customers/queries";
import { CUSTOMER_PAGE_SIZE, CUSTOMER_SORTS, type CustomerSort } from "@/lib/customers/schemas";
import { CustomersTable } from "./_components/customers-table";

export const metadata: Metadata = { title: "Customers" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const SORT_LABELS: Record<CustomerSort, string> = { last: "Last order", orders: "Most orders", spend: "Most spent" };

// The store's buyers, one per phone number (docs/customers.md). Rendered on the server from the URL
// (search, sort, page), so every view is a link; the search box is a plain GET form.
export default async function CustomersPage({ searchParams }: Props) {
  const member = await requireMemberPage("/customers");
  const state = parseCustomersUrl(await searchParams);
  const page = await listCustomers(member, { ...state, limit: CUSTOMER_PAGE_SIZE });
  const exportHref = customersHref({ q: state.q, sort: state.sort }, "/api/customers/export");

  return (
    <>
      <PageHeader
        title="Customers"
        description="Everyone who has ordered, one per phone number: how often they come back and what they spend."
        actions={
          <Button href={exportHref} prefetch={false} leadingIcon={<Download aria-hidden="true" />}>
            Export CSV
          </Button>
        }
      />
      <TabLinks
        aria-label="Sort customers"
        className="mb-4"
        links={CUSTOMER_SORTS.map((sort) => ({
          href: customersHref({ q: state.q, sort }),
          label: SORT_LABELS[sort],
          active: sort === state.sort,
        }))}
      />
      <form action="/customers" role="search" className="mb-4 flex max-w-md gap-2">
        {state.sort !== "last" ? <input type="hidden" name="sort" value={state.sort} /> : null}
        <Input
          name="q"
          type="search"
          defaultValue={state.q ?? ""}
          placeholder="Name, email or phone"
          aria-label="Search customers"
          leadingIcon={<Search aria-hidden="true" />}
          className="flex-1"
        />
        <Button type="submit">Search</Button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState
          icon={<Users />}
          title={state.q ? "No customer matches that" : "No customers yet"}
          description={
            state.q
              ? "Search by a part of the name, the start of the email, or the phone's digits."
              : "Each order's buyer appears here a moment after the order arrives."
          }
        />
      ) : (
        <Card className="overflow-hidden">
          <CustomersTable customers={page.items} />
        </Card>
      )}
      {page.nextCursor || state.cursor ? (
        <nav aria-label="Pages" className="mt-4 flex gap-2">
          {state.cursor ? (
            <Button href={customersHref({ q: state.q, sort: state.sort })} variant="ghost">
              First page
            </Button>
          ) : null}
          {page.nextCursor ? (
            <Button href={customersHref({ q: state.q, sort: state.sort, cursor: page.nextCursor })}>Next page</Button>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
