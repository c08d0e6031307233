import "server-only";
import type { Member } from "@/lib/auth/require-member";
import type { TagColor, TagDto } from "@/lib/customers/tag-schemas";
import { db } from "@/lib/db";

// Reads of tags: the store's tags (the menus and the feed's filter) and the tags on a set of orders
// or customers, each one index read ((orderId, tagId) and (customerId, tagId) primary keys).

const toTag = (tag: { id: string; name: string; color: string }): TagDto => ({ ...tag, color: tag.color as TagColor });

export async function listTags(member: Member): Promise<TagDto[]> {
  const tags = await db.tag.findMany({
    where: { storeId: member.store.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, color: true },
  });
  return tags.map(toTag);
}

/** The tags on each of the store's orders among `orderIds`, by order id, each list by name. */
export async function tagsOfOrders(storeId: string, orderIds: string[]): Promise<Map<string, TagDto[]>> {
  const links = orderIds.length
    ? await db.orderTag.findMany({
        where: { storeId, orderId: { in: orderIds } },
        select: { orderId: true, tag: { select: { id: true, name: true, color: true } } },
      })
    : [];
  return group(links.map((link) => [link.orderId, toTag(link.tag)]));
}

/** The tags on each of the store's customers among `customerIds`, by customer id. */
export async function tagsOfCustomers(storeId: string, customerIds: string[]): Promise<Map<string, TagDto[]>> {
  const links = customerIds.length
    ? await db.customerTag.findMany({
        where: { storeId, customerId: { in: customerIds } },
        select: { customerId: true, tag: { select: { id: true, name: true, color: true } } },
      })
    : [];
  return group(links.map((link) => [link.customerId, toTag(link.tag)]));
}

function group(pairs: Array<[string, TagDto]>): Map<string, TagDto[]> {
  const byOwner = new Map<string, TagDto[]>();
  for (const [owner, tag] of pairs) byOwner.set(owner, [...(byOwner.get(owner) ?? []), tag]);
  for (const tags of byOwner.values()) tags.sort((a, b) => a.name.localeCompare(b.name));
  return byOwner;
}
