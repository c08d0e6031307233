// Which address the per-IP sign-in limits count: only what a trusted hop wrote.
import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

const direct = { VERCEL: undefined, TRUSTED_PROXY_HOPS: 0 };
const oneProxy = { VERCEL: undefined, TRUSTED_PROXY_HOPS: 1 };
const twoProxies = { VERCEL: undefined, TRUSTED_PROXY_HOPS: 2 };
const vercel = { VERCEL: "1", TRUSTED_PROXY_HOPS: 0 };

describe("clientIp", () => {
  it("trusts no forwarded header without a configured proxy (a client can write any of them)", () => {
    const forged = new Headers({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" });
    expect(clientIp(forged, direct)).toBeNull();
    expect(clientIp(new Headers(), direct)).toBeNull();
  });

  it("behind one proxy, takes the address that proxy appended, not what the client sent", () => {
    // The client sent "X-Forwarded-For: 198.51.100.1" (the owner's address); the proxy appended the real one.
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.66" }), oneProxy)).toBe("203.0.113.66");
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.66" }), oneProxy)).toBe("203.0.113.66");
    // x-real-ip is set by some proxies and forged by some clients: never read.
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.1", "x-forwarded-for": "203.0.113.66" }), oneProxy)).toBe(
      "203.0.113.66",
    );
  });

  it("behind two proxies, counts two hops from the right", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.66, 10.0.0.2" }), twoProxies)).toBe("203.0.113.66");
  });

  it("reads several X-Forwarded-For lines as one list", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "198.51.100.1");
    headers.append("x-forwarded-for", "203.0.113.66");
    expect(clientIp(headers, oneProxy)).toBe("203.0.113.66");
  });

  it("is unknown when fewer hops than configured wrote the header, or the entry is not an address", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.66" }), twoProxies)).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "" }), oneProxy)).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4, not-an-ip" }), oneProxy)).toBeNull();
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4, unknown" }), oneProxy)).toBeNull();
  });

  it("drops a port some proxies append", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.66:51234" }), oneProxy)).toBe("203.0.113.66");
    expect(clientIp(new Headers({ "x-forwarded-for": "[2001:db8::1]:443" }), oneProxy)).toBe("2001:db8:0:0::/64");
  });

  it("counts an IPv6 client by its /64 (one subscriber's allocation), so rotating inside it does not help", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8:1:2:aaaa::1" }), oneProxy)).toBe("2001:db8:1:2::/64");
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:DB8:1:2:ffff:1:2:3" }), oneProxy)).toBe("2001:db8:1:2::/64");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:203.0.113.66" }), oneProxy)).toBe("203.0.113.66");
  });

  it("on Vercel, reads Vercel's own header (Vercel overwrites it; a client cannot set it)", () => {
    const headers = new Headers({
      "x-vercel-forwarded-for": "203.0.113.66",
      "x-forwarded-for": "198.51.100.1",
      "x-real-ip": "203.0.113.66",
    });
    expect(clientIp(headers, vercel)).toBe("203.0.113.66");
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.67" }), vercel)).toBe("203.0.113.67");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1" }), vercel)).toBeNull();
  });

  it("accepts a plain record of headers (next-auth's authorize() gets one)", () => {
    expect(clientIp({ "x-forwarded-for": "198.51.100.1, 203.0.113.66" }, oneProxy)).toBe("203.0.113.66");
    expect(clientIp({ "x-forwarded-for": ["198.51.100.1", "203.0.113.66"] }, oneProxy)).toBe("203.0.113.66");
    expect(clientIp(undefined, oneProxy)).toBeNull();
  });
});
