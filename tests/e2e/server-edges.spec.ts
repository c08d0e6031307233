import { expect, test } from "@playwright/test";

// The production server's own edge (scripts/serve.ts), before Next.js: a route handler never buffers
// a body past 1 MiB (lib/http/body-limit.ts). next-auth's callback reads whatever it is sent, and
// answers 401/redirects after reading it; here it is refused before Next.js sees it.

test("a body over 1 MiB is refused with 413 before any route reads it", async ({ request }) => {
  const body = `email=a%40b.in&password=${"x".repeat(2 * 1024 * 1024)}`;
  const response = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: body,
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toEqual({ error: "payload_too_large", message: expect.stringContaining("1048576 bytes") });

  // The limit is on size, not on the route: a small request to the same route is Next.js's to answer.
  const small = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "email=a%40b.in&password=x",
    maxRedirects: 0,
  });
  expect(small.status()).not.toBe(413);
});
