import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import packageJson from "@/package.json";

describe("GET /api/health", () => {
  it("reports the database up with the app version", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      db: "up",
      version: packageJson.version,
      database: { path: "direct", preparedStatements: "named", listen: true },
    });
  });
});
