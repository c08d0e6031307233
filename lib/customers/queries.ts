import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { customerPageSql, encodeCustomerCursor } from "@/lib/customers/list-sql";
import type {
  CustomerAddressDto,
  CustomerDetailDto,
  CustomerListQuery,
  CustomerPageDto,
  CustomerRowDto,
} from "@/lib/customers/schemas";
import { tagsOfCustomers } from "@/lib/customers/tag-queries";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

// Reads for the customers list and a customer's page (the feed's badge is two of the order's own
// columns, read with the row). Every function takes
// the caller's Member and reads only member.store.id's rows. A customer's orders are read by the
// (customerId, receivedAt) index, never by scanning the store's orders.

/** A customer's page lists this many orders, newest first; more are counted, not listed. */
export const CUSTOMER_ORDERS_LIMIT = 200;

type CustomerRecord = {
  id: string;
  name: string;
  email: string;
  phone: string;
  phoneKey: string | null;
  orderCount: number;
  totalSpent: Prisma.Decimal;
  firstOrderAt: Date;
  lastOrderAt: Date;
};

function toCustomerRow(record: CustomerRecord, tags: Map<string, CustomerRowDto["tags"]>): CustomerRowDto {
  return {
    tags: tags.get(record.id) ?? [],
    id: record.id,
    name: record.name,
    email: record.email,
    phone: record.phone,
    phoneKey: record.phoneKey,
    orderCount: record.orderCount,
    totalSpent: new Prisma.Decimal(record.totalSpent).toFixed(2),
    firstOrderAt: record.firstOrderAt.toISOString(),
    lastOrderAt: record.lastOrderAt.toISOString(),
  };
}

/** One page of the store's customers, largest first by the chosen sort. */
export async function listCustomers(member: Member, query: CustomerListQuery): Promise<CustomerPageDto> {
  const sql = customerPageSql(member.store.id, query);
  if (!sql) return { items: [], nextCursor: null };
  const records = (await db.$queryRaw<CustomerRecord[]>(sql)).slice(0, query.limit + 1);
  const page = records.slice(0, query.limit);
  const tags = await tagsOfCustomers(
    member.store.id,
    page.map((record) => record.id),
  );
  const items = page.map((record) => toCustomerRow(record, tags));
  const last = items.at(-1);
  return { items, nextCursor: records.length > query.limit && last ? encodeCustomerCursor(query.sort, last) : null };
}

const CUSTOMER_SELECT = {
  id: true,
  name: true,
  email: true,
  phone: true,
  phoneKey: true,
  orderCount: true,
  totalSpent: true,
  firstOrderAt: true,
  lastOrderAt: true,
} satisfies Prisma.CustomerSelect;

/** One customer with their orders and addresses; not_found for another store's id. */
export async function getCustomerOrThrow(member: Member, customerId: string): Promise<CustomerDetailDto> {
  const storeId = member.store.id;
  const where = { customerId, storeId };
  // All five reads at once (each is scoped to the store, so none can show another store's rows):
  // one round trip's wait instead of two on the page's path.
  const [record, orders, cancelled, addresses, tags] = await Promise.all([
    db.customer.findFirst({ where: { id: customerId, storeId }, select: CUSTOMER_SELECT }),
    db.order.findMany({
      where,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: CUSTOMER_ORDERS_LIMIT,
      select: {
        id: true,
        tribemadeOrderId: true,
        status: true,
        amount: true,
        productName: true,
        quantity: true,
        receivedAt: true,
        customerOrdinal: true,
      },
    }),
    db.order.aggregate({ where: { ...where, status: "cancelled" }, _count: { _all: true }, _sum: { amount: true } }),
    db.$queryRaw<Array<{ address: string | null; pincode: string; orders: number; lastUsedAt: Date }>>`
      SELECT "customerAddress" AS address, "customerPincode" AS pincode, count(*)::int AS orders,
        max("receivedAt") AS "lastUsedAt"
      FROM "Order" WHERE "customerId" = ${customerId}::uuid AND "storeId" = ${storeId}::uuid
      GROUP BY 1, 2 ORDER BY 4 DESC LIMIT 20`,
    tagsOfCustomers(storeId, [customerId]),
  ]);
  if (!record) throw new AppError("not_found", "That customer does not exist in this store.");
  const row = toCustomerRow(record, tags);
  const lifetime = new Prisma.Decimal(record.totalSpent).minus(cancelled._sum.amount ?? 0);
  return {
    ...row,
    lifetimeValue: lifetime.toFixed(2),
    cancelledOrders: cancelled._count._all,
    orders: orders.map((order) => ({
      ...order,
      amount: order.amount.toFixed(2),
      receivedAt: order.receivedAt.toISOString(),
    })),
    ordersCut: record.orderCount > orders.length,
    addresses: addresses.map((address): CustomerAddressDto => ({ ...address, lastUsedAt: address.lastUsedAt.toISOString() })),
  };
}
