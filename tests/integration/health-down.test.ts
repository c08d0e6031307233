import { beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/embedded/free-port";

// A port nobody listens on: the database is "down". Set before the app's modules load.
beforeAll(async () => {
  process.env.DATABASE_URL = `postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`;
});

describe("GET /api/health with the database down", () => {
  it("answers 503 quickly", async () => {
    const { GET } = await import("@/app/api/health/route");
    const started = performance.now();
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, db: "down" });
    expect(performance.now() - started).toBeLessThan(4_000);
  });
});
