// The browser's reads of the app's JSON routes are parsed with the routes' schemas
// (lib/http/fetch-json.ts). fetch is the edge here, answered with real Response objects.
import { afterEach, describe, expect, it, vi } from "vitest";
import { FetchError, fetchJson } from "@/lib/http/fetch-json";
import { orderCountsSchema } from "@/lib/orders/schemas";
import { syncStatesSchema } from "@/lib/orders/status-schemas";

function answer(status: number, body: unknown) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => Response.json(body, { status }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe("fetchJson", () => {
  it("returns the answer parsed by the route's schema, tolerating keys it does not know", async () => {
    answer(200, { started: 3, processing: 2, dispatched: 1, extra: true });
    await expect(fetchJson("/api/orders/counts", orderCountsSchema)).resolves.toMatchObject({
      started: 3,
      processing: 2,
      dispatched: 1,
    });
  });

  it("says to reload when the answer is not the shape this page knows (a deploy changed it)", async () => {
    answer(200, { started: "3" });
    const error = await fetchJson("/api/orders/counts", orderCountsSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({
      code: "unexpected_response",
      message: "Tribedesk has changed since this page loaded. Reload the page.",
    });
  });

  it("carries the route's own error message and code", async () => {
    answer(401, { error: "unauthorized", message: "Sign in to continue." });
    await expect(fetchJson("/api/orders/counts", orderCountsSchema)).rejects.toMatchObject({
      status: 401,
      code: "unauthorized",
      message: "Sign in to continue.",
    });
  });

  it("POSTs a body as JSON", async () => {
    const fetch = answer(200, { orders: [] });
    await fetchJson("/api/orders/sync-states", syncStatesSchema, { body: { ids: ["a"] } });
    const init = fetch.mock.calls[0]![1]!;
    expect(init).toMatchObject({ method: "POST", body: JSON.stringify({ ids: ["a"] }) });
    expect(new Headers(init.headers).get("content-type")).toBe("application/json");
  });
});
