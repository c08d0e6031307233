import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The live feed's limits (issue 27): caps on open streams per user and per store on one instance
// (429 with a reason past them), and revocation on the heartbeat: signing out everywhere or losing
// the membership ends an open stream within one heartbeat. Small caps and a short heartbeat, set
// before any app module reads the configuration.
process.env.FEED_STREAMS_PER_USER = "2";
process.env.FEED_STREAMS_PER_STORE = "3";
process.env.FEED_HEARTBEAT_MS = "400";
const HEARTBEAT_MS = 400;

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { inRequest, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { sseReader } = await import("@/tests/fixtures/sse");
const { db } = await import("@/lib/db");
const streamRoute = await import("@/app/api/orders/stream/route");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
type User = Merchant["user"];
type Reader = ReturnType<typeof sseReader>;

let alpha: Merchant;
const open: Reader[] = [];

beforeAll(async () => {
  alpha = await createMerchant("Alpha");
});

afterEach(async () => {
  for (const reader of open.splice(0)) await reader.cancel().catch(() => {});
  // Streams leave their hub when the cancel reaches them.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

async function request(user: User) {
  return inRequest(user, () => streamRoute.GET(scopedRequest("/api/orders/stream")));
}

async function connect(user: User): Promise<Reader> {
  const response = await request(user);
  expect(response.status).toBe(200);
  const reader = sseReader(response);
  open.push(reader);
  await reader.next((frame) => frame.event === "ready");
  return reader;
}

async function refusal(user: User) {
  const response = await request(user);
  expect(response.status).toBe(429);
  return (await response.json()) as { error: string; message: string; details: { reason: string; limit: number } };
}

describe("caps on open live feeds", () => {
  it("refuses a user's third stream with 429 and says why; a closed one frees its place", async () => {
    const first = await connect(alpha.user);
    await connect(alpha.user);
    const body = await refusal(alpha.user);
    expect(body).toMatchObject({ error: "too_many_requests", details: { reason: "streams_per_user", limit: 2 } });
    expect(body.message).toMatch(/live feeds open.*checks for new orders/);

    await first.cancel();
    open.splice(open.indexOf(first), 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await connect(alpha.user);
  });

  it("refuses a store's fourth stream, whoever opens it", async () => {
    const staff = await addMember(alpha.store.id, "staff");
    const other = await addMember(alpha.store.id, "staff");
    await connect(alpha.user);
    await connect(alpha.user);
    await connect(staff.user);
    const body = await refusal(other.user);
    expect(body.details).toEqual({ reason: "streams_per_store", limit: 3 });
    // Another store's streams are counted apart.
    const beta = await createMerchant("Beta");
    await connect(beta.user);
  });
});

describe("revocation on the heartbeat", () => {
  async function endsRevoked(reader: Reader, revokedAt: number) {
    const frames = await reader.rest();
    // Within one heartbeat (plus the re-check's query), and the last word is `revoked`.
    expect(Date.now() - revokedAt).toBeLessThan(HEARTBEAT_MS + 500);
    expect(frames.at(-1)?.event).toBe("revoked");
    expect(frames.some((frame) => frame.comment === "ping")).toBe(true);
  }

  it("ends the stream of a user who signed out of all devices", async () => {
    const member = await addMember(alpha.store.id, "staff");
    const reader = await connect(member.user);
    const bystander = await connect(alpha.user);
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS * 1.5));
    const revokedAt = Date.now();
    await db.user.update({ where: { id: member.user.id }, data: { sessionVersion: { increment: 1 } } });
    await endsRevoked(reader, revokedAt);
    // The owner's stream lives on, and the user's new session would be refused at the door.
    await bystander.next((frame) => frame.comment === "ping", HEARTBEAT_MS * 3);
    expect(bystander.frames.some((frame) => frame.event === "revoked")).toBe(false);
    expect((await request(member.user)).status).toBe(401);
  });

  it("ends the stream of a member removed from the store", async () => {
    const member = await addMember(alpha.store.id, "staff");
    const reader = await connect(member.user);
    const revokedAt = Date.now();
    await db.membership.delete({ where: { id: member.membershipId } });
    await endsRevoked(reader, revokedAt);
  });
});
