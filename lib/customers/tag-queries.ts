import "server-only";
import type { Member } from "@/lib/auth/require-member";
import type { TagColor, TagDto } from "@/lib/customers/tag-schemas";
import { db } from "@/lib/db";

// Reads of tags: the store's tags (the menus and the feed's filter) and the tags on a set of
// customers, one statement on the (customerId, tagId) primary key joined to Tag. The orders' tags
// are the orders domain's own read (lib/orders/order-rows.ts).

const toTag = (tag: { id: string; name: string; color: string }): TagDto => ({ ...tag, color: tag.color as TagColor });

export async function listTags(member: Member): Promise<TagDto[]> {
  const tags = await db.tag.findMany({
    where: { storeId: member.store.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, color: true },
  });
  return tags.map(toTag);
}

type TagLink = TagDto & { owner: string };

/** The tags on each of the store's customers among `customerIds`, by customer id. */
export async function tagsOfCustomers(storeId: string, customerIds: string[]): Promise<Map<string, TagDto[]>> {
  if (customerIds.length === 0) return new Map();
  return group(
    await db.$queryRaw<TagLink[]>`
      SELECT l."customerId"::text AS owner, t.id::text AS id, t.name, t.color
      FROM "CustomerTag" l JOIN "Tag" t ON t.id = l."tagId"
      WHERE l."storeId" = ${storeId}::uuid AND l."customerId" = ANY(${customerIds}::uuid[])`,
  );
}

function group(links: TagLink[]): Map<string, TagDto[]> {
  const byOwner = new Map<string, TagDto[]>();
  for (const { owner, ...tag } of links) byOwner.set(owner, [...(byOwner.get(owner) ?? []), toTag(tag)]);
  for (const tags of byOwner.values()) tags.sort((a, b) => a.name.localeCompare(b.name));
  return byOwner;
}
