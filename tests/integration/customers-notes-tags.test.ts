// Notes and tags: who may edit or delete a note (its author, an owner; nobody from another store),
// notes on the order's timeline, the feed's tag filter (and its counts, its CSV), bulk tagging that
// skips another store's orders, tagging all orders matching the feed's filter (capped), and the
// customers list: search, sorts, paging and a formula-safe CSV.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { db } = await import("@/lib/db");
const { addMember, createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { createOrders } = await import("@/tests/fixtures/orders");
const notes = await import("@/lib/customers/note-mutations");
const tags = await import("@/lib/customers/tag-mutations");
const { BULK_TAG_MAX } = await import("@/lib/customers/tag-schemas");
const { joinCustomers } = await import("@/lib/customers/join");
const { listCustomers } = await import("@/lib/customers/queries");
const { exportCustomersCsv } = await import("@/lib/customers/export");
const { countOpenOrders, getOrderOrThrow, listOrders } = await import("@/lib/orders/queries");
const { exportOrdersCsv } = await import("@/lib/orders/export");

type Role = "owner" | "staff";
const asMember = (user: { id: string; name: string; email: string }, store: { id: string; name: string }, role: Role) => ({
  user: { id: user.id, name: user.name, email: user.email },
  store: { id: store.id, name: store.name },
  role,
});

async function storeWithTeam() {
  const merchant = await createMerchant("Notes");
  const alice = await addMember(merchant.store.id, "staff", { name: "Alice Staff" });
  const bob = await addMember(merchant.store.id, "staff", { name: "Bob Staff" });
  return {
    owner: asMember(merchant.user, merchant.store, "owner"),
    alice: asMember(alice.user, merchant.store, "staff"),
    bob: asMember(bob.user, merchant.store, "staff"),
    store: merchant.store,
  };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("notes", () => {
  it("are edited or deleted only by their author or an owner, and show on the order's timeline", async () => {
    const team = await storeWithTeam();
    const [order] = await createOrders(team.store.id, 1);
    const note = await notes.addNote(team.alice, { kind: "order", id: order!.id }, "Wants it gift-wrapped");
    expect(note).toMatchObject({ authorName: "Alice Staff", authorId: team.alice.user.id, editedAt: null });

    await expect(notes.editNote(team.bob, note.id, "Bob was here")).rejects.toMatchObject({ code: "forbidden" });
    await expect(notes.deleteNote(team.bob, note.id)).rejects.toMatchObject({ code: "forbidden" });
    const edited = await notes.editNote(team.alice, note.id, "Wants it gift-wrapped in red");
    expect(edited.editedAt).not.toBeNull();
    expect((await notes.editNote(team.owner, note.id, "Red paper, no card")).body).toBe("Red paper, no card");

    const detail = await getOrderOrThrow(team.owner, order!.id);
    const entry = detail.timeline.find((line) => line.kind === "note");
    expect(entry).toMatchObject({ kind: "note", note: { body: "Red paper, no card", authorName: "Alice Staff" } });

    // Another store's owner cannot see, edit or delete it.
    const other = await createMerchant("Elsewhere");
    const outsider = asMember(other.user, other.store, "owner");
    await expect(notes.editNote(outsider, note.id, "x")).rejects.toMatchObject({ code: "not_found" });
    await expect(notes.deleteNote(outsider, note.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(notes.addNote(outsider, { kind: "order", id: order!.id }, "x")).rejects.toMatchObject({ code: "not_found" });

    await notes.deleteNote(team.owner, note.id);
    expect(await db.note.count({ where: { id: note.id } })).toBe(0);
  });

  it("on a customer need the customer to be the store's", async () => {
    const team = await storeWithTeam();
    await createOrders(team.store.id, 1);
    await joinCustomers(team.store.id);
    const customer = await db.customer.findFirstOrThrow({ where: { storeId: team.store.id } });
    const note = await notes.addNote(team.bob, { kind: "customer", id: customer.id }, "Prefers WhatsApp");
    await expect(notes.deleteNote(team.alice, note.id)).rejects.toMatchObject({ code: "forbidden" });
    await notes.deleteNote(team.bob, note.id);
  });
});

describe("tags", () => {
  it("filter the feed, its counts and its CSV; bulk tagging skips another store's orders", async () => {
    const team = await storeWithTeam();
    const orders = await createOrders(team.store.id, 5);
    const other = await createMerchant("Other tags");
    const [foreign] = await createOrders(other.store.id, 1);
    const gift = await tags.createTag(team.alice, { name: "Gift", color: "pink" });
    await expect(tags.createTag(team.bob, { name: "gift", color: "red" })).rejects.toMatchObject({ code: "conflict" });

    const picked = [orders[1]!.id, orders[3]!.id, foreign!.id];
    expect((await tags.tagOrders(team.alice, gift.id, picked, "add")).sort()).toEqual([orders[1]!.id, orders[3]!.id].sort());
    expect(await db.orderTag.count({ where: { orderId: foreign!.id } })).toBe(0);

    const page = await listOrders(team.owner, { tag: gift.id, limit: 50 });
    expect(page.items.map((row) => row.id)).toEqual([orders[3]!.id, orders[1]!.id]);
    expect(page.items[0]!.tags).toEqual([{ id: gift.id, name: "Gift", color: "pink" }]);
    expect(await countOpenOrders(team.owner, { tag: gift.id })).toMatchObject({ started: 2 });
    const csv = await readAll(exportOrdersCsv(team.owner, { tag: gift.id }));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]!.endsWith(",Tags")).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]!.endsWith(",Gift")).toBe(true);

    // Another store's tag id filters to nothing and cannot be applied.
    const outsider = asMember(other.user, other.store, "owner");
    expect((await listOrders(outsider, { tag: gift.id, limit: 50 })).items).toEqual([]);
    await expect(tags.tagOrders(outsider, gift.id, [foreign!.id], "add")).rejects.toMatchObject({ code: "not_found" });

    expect(await tags.tagOrders(team.bob, gift.id, [orders[1]!.id], "remove")).toEqual([orders[1]!.id]);
    expect((await listOrders(team.owner, { tag: gift.id, limit: 50 })).items.map((row) => row.id)).toEqual([orders[3]!.id]);

    // Only an owner deletes a tag (staff get a type error at compile time; the action checks the role).
    await tags.deleteTag({ ...team.owner, role: "owner" }, gift.id);
    expect(await db.orderTag.count({ where: { tagId: gift.id } })).toBe(0);
  });

  it("all matching the feed's filter: only the store's matching orders, the newest BULK_TAG_MAX, truncated said", async () => {
    const team = await storeWithTeam();
    const started = await createOrders(team.store.id, 3);
    const processing = await createOrders(team.store.id, 2, { status: "processing" });
    const other = await createMerchant("Other matching");
    const [foreign] = await createOrders(other.store.id, 1, { status: "processing" });
    const rush = await tags.createTag(team.alice, { name: "Rush", color: "red" });

    const added = await tags.tagOrdersMatching(team.alice, rush.id, { status: "processing" }, "add");
    expect(added.truncated).toBe(false);
    expect(added.changed.sort()).toEqual(processing.map((order) => order.id).sort());
    expect(await db.orderTag.count({ where: { orderId: { in: [...started, foreign!].map((order) => order.id) } } })).toBe(0);
    // Filtered by the tag itself, "remove" empties the filter.
    const removed = await tags.tagOrdersMatching(team.bob, rush.id, { tag: rush.id }, "remove");
    expect(removed.changed).toHaveLength(2);
    expect(await db.orderTag.count({ where: { tagId: rush.id } })).toBe(0);
    // Another store's tag is refused, even when its filter would match nothing of theirs.
    const outsider = asMember(other.user, other.store, "owner");
    await expect(tags.tagOrdersMatching(outsider, rush.id, {}, "add")).rejects.toMatchObject({ code: "not_found" });

    // More than one call takes: the newest BULK_TAG_MAX are tagged and the caller is told.
    const big = await createMerchant("Many matching");
    const owner = asMember(big.user, big.store, "owner");
    const many = await createOrders(big.store.id, BULK_TAG_MAX + 5);
    const bulk = await tags.createTag(owner, { name: "Festive", color: "amber" });
    const capped = await tags.tagOrdersMatching(owner, bulk.id, {}, "add");
    expect(capped).toMatchObject({ truncated: true });
    expect(capped.changed).toHaveLength(BULK_TAG_MAX);
    const oldest = many.slice(0, 5).map((order) => order.id);
    expect(await db.orderTag.count({ where: { tagId: bulk.id, orderId: { in: oldest } } })).toBe(0);
    expect(await db.orderTag.count({ where: { tagId: bulk.id } })).toBe(BULK_TAG_MAX);
  });
});

describe("the customers list", () => {
  it("searches, sorts by orders, spend and last order, pages, and exports formula-safe CSV", async () => {
    const merchant = await createMerchant("List");
    const member = asMember(merchant.user, merchant.store, "owner");
    const base = Date.now() - 3_600_000;
    const people = [
      { name: '=HYPERLINK("http://evil")', phone: "9000000001", amount: "10.00", count: 3 },
      { name: "Kavya Iyer", phone: "9000000002", amount: "5000.00", count: 1 },
      { name: "Ravi Kumar", phone: "9000000003", amount: "20.00", count: 2 },
    ];
    let at = 0;
    for (const person of people) {
      for (let i = 0; i < person.count; i++) {
        await db.order.create({
          data: {
            storeId: merchant.store.id,
            tribemadeOrderId: crypto.randomUUID(),
            customerName: person.name,
            customerEmail: `${person.phone}@example.in`,
            customerPhone: person.phone,
            customerPincode: "560001",
            amount: person.amount,
            quantity: 1,
            receivedAt: new Date(base + at++ * 1000),
            payload: {},
          },
        });
      }
    }
    await joinCustomers(merchant.store.id);
    const names = async (sort: "orders" | "spend" | "last") =>
      (await listCustomers(member, { sort, limit: 50 })).items.map((c) => c.name.slice(0, 5));
    expect(await names("orders")).toEqual(["=HYPE", "Ravi ", "Kavya"]);
    expect(await names("spend")).toEqual(["Kavya", "Ravi ", "=HYPE"]);
    expect(await names("last")).toEqual(["Ravi ", "Kavya", "=HYPE"]);

    const first = await listCustomers(member, { sort: "spend", limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const second = await listCustomers(member, { sort: "spend", limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((c) => c.name.slice(0, 5))).toEqual(["=HYPE"]);
    expect(second.nextCursor).toBeNull();

    expect((await listCustomers(member, { q: "kavya", sort: "last", limit: 50 })).items).toHaveLength(1);
    expect((await listCustomers(member, { q: "+91 90000 00003", sort: "last", limit: 50 })).items[0]?.name).toBe("Ravi Kumar");
    expect((await listCustomers(member, { q: "9000000002@", sort: "last", limit: 50 })).items[0]?.name).toBe("Kavya Iyer");

    const csv = await readAll(exportCustomersCsv(member, { sort: "orders" }));
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("Name,Email,Phone,Orders,Spent (INR),First order (IST),Last order (IST),Tags");
    // The formula is written as text ('=…), never as a formula.
    expect(lines[1]!.startsWith(`"'=HYPERLINK(""http://evil"")"`)).toBe(true);
    expect(lines[1]).toContain(",3,30.00,");
    expect(lines).toHaveLength(4);
  });
});
