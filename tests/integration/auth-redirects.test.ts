// Where the sign-in and sign-up pages send people: only same-origin paths, and a malformed
// callbackUrl is ignored (never a 500). The pages are called as the server components they are.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { actAs, resetRequest } = await import("@/tests/fixtures/auth-request");
const { createUser } = await import("@/tests/fixtures/auth-merchants");
const { default: LoginPage } = await import("@/app/(auth)/login/page");
const { default: SignupPage } = await import("@/app/(auth)/signup/page");

type Page = (props: { searchParams: Promise<Record<string, string>> }) => Promise<unknown>;

/** Renders the page function; a redirect comes back as its target. */
async function visit(page: Page, callbackUrl: string): Promise<{ redirectedTo: string } | { rendered: unknown }> {
  try {
    return { rendered: await page({ searchParams: Promise.resolve({ callbackUrl }) }) };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    const match = /^NEXT_REDIRECT;[^;]*;([^;]*);/.exec(digest);
    if (match) return { redirectedTo: match[1]! };
    throw error;
  }
}

const HOSTILE = ["/\t/evil.example", "/\n/evil.example", "/%09/evil.example", "/%0a/evil.example", "/\\evil.example"];

beforeEach(() => resetRequest());

describe("a signed-in visitor is sent on, only within the site", () => {
  it.each(HOSTILE)("login with callbackUrl %j goes to /orders", async (callbackUrl) => {
    await actAs(await createUser());
    expect(await visit(LoginPage, callbackUrl)).toEqual({ redirectedTo: "/orders" });
  });

  it.each(HOSTILE)("signup with callbackUrl %j goes to /onboarding", async (callbackUrl) => {
    await actAs(await createUser());
    expect(await visit(SignupPage, callbackUrl)).toEqual({ redirectedTo: "/onboarding" });
  });

  it("still follows a same-site path", async () => {
    await actAs(await createUser());
    expect(await visit(LoginPage, "/settings/team")).toEqual({ redirectedTo: "/settings/team" });
  });
});

describe("a malformed callbackUrl is ignored", () => {
  it.each(["/invite/%E0", "/invite/%", "/%E0%A4%A", "/invite/abc?x=%E0", "/invite/abc%E0#%"])(
    "signup renders with %j",
    async (callbackUrl) => {
      const result = await visit(SignupPage, callbackUrl);
      expect(result).toHaveProperty("rendered");
    },
  );

  it("login renders with a malformed one", async () => {
    expect(await visit(LoginPage, "/invite/%E0")).toHaveProperty("rendered");
  });
});
