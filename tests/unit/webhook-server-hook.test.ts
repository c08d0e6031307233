import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { webhookToken } from "@/lib/webhooks/ingest/server-hook";

// Which requests the production server answers with its webhook receiver; everything else goes to
// Next.js unchanged.
const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

describe("webhookToken", () => {
  it("takes POST /api/webhooks/tribemade/<token>, with or without a query", () => {
    expect(webhookToken(request("POST", "/api/webhooks/tribemade/abc_DEF-123"))).toBe("abc_DEF-123");
    expect(webhookToken(request("POST", "/api/webhooks/tribemade/abc?source=tribemade"))).toBe("abc");
    expect(webhookToken(request("POST", "/api/webhooks/tribemade/a%2Bb"))).toBe("a+b");
  });

  it.each([
    ["GET", "/api/webhooks/tribemade/abc"],
    ["PUT", "/api/webhooks/tribemade/abc"],
    ["POST", "/api/webhooks/tribemade/abc/"],
    ["POST", "/api/webhooks/tribemade/"],
    ["POST", "/api/webhooks/tribemade/a/b"],
    ["POST", "/api/webhooks/tribemade/%E0%A4"],
    ["POST", "/api/webhooks/other/abc"],
    ["POST", "/api/bench/baseline/abc"],
  ])("leaves %s %s to Next.js", (method, url) => {
    expect(webhookToken(request(method, url))).toBeNull();
  });
});
