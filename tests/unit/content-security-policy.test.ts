import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, plainHttpOrigin } from "@/lib/http/content-security-policy";

const imgSrc = (policy: string) => policy.split("; ").find((directive) => directive.startsWith("img-src "));

describe("the Content-Security-Policy's images", () => {
  it("allow https and the app's own, and nothing over plain http by default", () => {
    expect(imgSrc(contentSecurityPolicy("n", { dev: false }))).toBe("img-src 'self' data: blob: https:");
  });

  it("allow the local simulator's http origin when the TribeMade API is one", () => {
    const origin = plainHttpOrigin("http://127.0.0.1:42461/api");
    expect(origin).toBe("http://127.0.0.1:42461");
    expect(imgSrc(contentSecurityPolicy("n", { dev: false, imageOrigins: [origin!] }))).toBe(
      "img-src 'self' data: blob: https: http://127.0.0.1:42461",
    );
  });

  it("add nothing for TribeMade's https API, or a missing or malformed URL", () => {
    expect(plainHttpOrigin("https://api.tribemade.in")).toBeNull();
    expect(plainHttpOrigin(undefined)).toBeNull();
    expect(plainHttpOrigin("not a url")).toBeNull();
  });
});
