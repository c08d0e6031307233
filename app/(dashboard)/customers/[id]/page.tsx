import type { Metadata } from "next";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TagChips } from "@/components/customers/tag-chip";
import { PageHeader } from "@/components/ui/page-header";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { listCustomerNotes } from "@/lib/customers/note-queries";
import { getCustomerOrThrow } from "@/lib/customers/queries";
import { listTags } from "@/lib/customers/tag-queries";
import { customerIdSchema } from "@/lib/customers/schemas";
import { formatPhone } from "@/lib/format/phone";
import { AppError } from "@/lib/http/app-error";
import { CustomerAddresses, CustomerFigures } from "./_components/customer-facts";
import { CustomerNotes, CustomerTagMenu } from "./_components/customer-notes";
import { CustomerOrders } from "./_components/customer-orders";

export const metadata: Metadata = { title: "Customer" };

type Props = { params: Promise<{ id: string }> };

// One buyer: every order (newest first, each with its place in their history), lifetime value,
// first and last order, the addresses they used. Server-rendered; an order's badge links here.
export default async function CustomerPage({ params }: Props) {
  const parsed = customerIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const member = await requireMemberPage(`/customers/${id}`);
  // Side by side: notes and tags are scoped to the store, so reading them before the customer is
  // known to exist shows nothing of another store's.
  const [customer, notes, tags] = await Promise.all([
    getCustomerOrThrow(member, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") return null;
      throw error;
    }),
    listCustomerNotes(member, id),
    listTags(member),
  ]);
  if (!customer) notFound();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/customers" className="hover:text-fg inline-flex items-center gap-1">
            <ArrowLeft className="size-3.5" aria-hidden="true" /> Customers
          </Link>
        }
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            {customer.name}
            <TagChips tags={customer.tags} />
          </span>
        }
        description={`${formatPhone(customer.phone)} · ${customer.email}`}
        actions={<CustomerTagMenu storeId={member.store.id} customerId={id} tags={tags} applied={customer.tags} />}
      />
      <div className="grid gap-6">
        <CustomerFigures customer={customer} />
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <CustomerOrders customer={customer} className="lg:col-span-2" />
          <div className="grid gap-6">
            <CustomerNotes
              storeId={member.store.id}
              customerId={id}
              notes={notes}
              viewer={{ userId: member.user.id, owner: member.role === "owner" }}
            />
            <CustomerAddresses addresses={customer.addresses} />
          </div>
        </div>
      </div>
    </>
  );
}
