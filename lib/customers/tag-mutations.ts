import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { BULK_TAG_MAX, TAGS_PER_STORE, type TagColor, type TagDto } from "@/lib/customers/tag-schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { findOrderIds } from "@/lib/orders/queries";
import type { OrderFilters } from "@/lib/orders/schemas";

// Writes of tags. Any member may make a tag and put it on orders and customers; only an owner
// deletes one from the store (it leaves every order and customer that had it). Each write checks
// that the tag and every target belong to the caller's store, in the same statement that writes.

export async function createTag(member: Member, input: { name: string; color: TagColor }): Promise<TagDto> {
  const storeId = member.store.id;
  // Names are unique per store ignoring case: "VIP" and "vip" would be one tag to a merchant.
  const same = await db.tag.findFirst({
    where: { storeId, name: { equals: input.name, mode: "insensitive" } },
    select: { id: true },
  });
  if (same) throw new AppError("conflict", `There is already a tag called ${input.name}.`);
  if ((await db.tag.count({ where: { storeId } })) >= TAGS_PER_STORE) {
    throw new AppError("conflict", `A store can have at most ${TAGS_PER_STORE} tags: delete one first.`);
  }
  const created = await db.tag.createManyAndReturn({
    data: [{ storeId, name: input.name, color: input.color }],
    skipDuplicates: true,
    select: { id: true, name: true, color: true },
  });
  const tag = created[0];
  if (!tag) throw new AppError("conflict", `There is already a tag called ${input.name}.`);
  return { ...tag, color: tag.color as TagColor };
}

export async function deleteTag(member: Member & { role: "owner" }, tagId: string): Promise<void> {
  const { count } = await db.tag.deleteMany({ where: { id: tagId, storeId: member.store.id } });
  if (count === 0) throw new AppError("not_found", "That tag does not exist in this store.");
}

async function tagOfStoreOrThrow(storeId: string, tagId: string) {
  const tag = await db.tag.findFirst({ where: { id: tagId, storeId }, select: { id: true } });
  if (!tag) throw new AppError("not_found", "That tag does not exist in this store.");
}

/** Adds or removes a tag on the store's orders among `orderIds`; returns the ids it changed. */
export async function tagOrders(member: Member, tagId: string, orderIds: string[], op: "add" | "remove") {
  const storeId = member.store.id;
  await tagOfStoreOrThrow(storeId, tagId);
  if (op === "remove") {
    const removed = await db.$queryRaw<Array<{ orderId: string }>>`
      DELETE FROM "OrderTag" WHERE "storeId" = ${storeId}::uuid AND "tagId" = ${tagId}::uuid
        AND "orderId" = ANY(${orderIds}::uuid[])
      RETURNING "orderId"`;
    return removed.map((row) => row.orderId);
  }
  // Only the store's own orders: another store's id is skipped, never tagged.
  const orders = await db.order.findMany({ where: { storeId, id: { in: orderIds } }, select: { id: true } });
  await db.orderTag.createMany({
    data: orders.map((order) => ({ storeId, orderId: order.id, tagId })),
    skipDuplicates: true,
  });
  return orders.map((order) => order.id);
}

/**
 * Adds or removes a tag on every order matching the feed's `filters`, newest first, at most
 * BULK_TAG_MAX of them (the feed's own query, as bulk status does): `truncated` when more match.
 */
export async function tagOrdersMatching(member: Member, tagId: string, filters: OrderFilters, op: "add" | "remove") {
  await tagOfStoreOrThrow(member.store.id, tagId);
  const found = await findOrderIds(member, { ...filters, limit: BULK_TAG_MAX });
  const changed = found.ids.length > 0 ? await tagOrders(member, tagId, found.ids, op) : [];
  return { changed, truncated: found.more };
}

export async function tagCustomer(member: Member, tagId: string, customerId: string, op: "add" | "remove") {
  const storeId = member.store.id;
  await tagOfStoreOrThrow(storeId, tagId);
  const customer = await db.customer.findFirst({ where: { id: customerId, storeId }, select: { id: true } });
  if (!customer) throw new AppError("not_found", "That customer does not exist in this store.");
  if (op === "remove") await db.customerTag.deleteMany({ where: { storeId, tagId, customerId } });
  else await db.customerTag.createMany({ data: [{ storeId, customerId, tagId }], skipDuplicates: true });
}
