import { describe, expect, it } from "vitest";
import { bindHostname, describeBind, localUrl } from "@/lib/embedded/bind-address";

// `npm start` and scripts/serve.ts bind 127.0.0.1 unless HOSTNAME says otherwise, and say where
// they listen, so a container nobody outside can reach is not a silent mystery.

describe("bind address", () => {
  it("is loopback unless HOSTNAME is set", () => {
    expect(bindHostname(undefined)).toBe("127.0.0.1");
    expect(bindHostname("  ")).toBe("127.0.0.1");
    expect(bindHostname("0.0.0.0")).toBe("0.0.0.0");
  });

  it("is reached from this machine through loopback when bound to every interface", () => {
    expect(localUrl("0.0.0.0", 3000)).toBe("http://127.0.0.1:3000");
    expect(localUrl("::", 3000)).toBe("http://127.0.0.1:3000");
    expect(localUrl("10.0.0.5", 8080)).toBe("http://10.0.0.5:8080");
    expect(localUrl("::1", 3000)).toBe("http://[::1]:3000");
  });

  it("says a loopback bind serves this machine only, and how to change it", () => {
    expect(describeBind("127.0.0.1", 3000)).toMatch(
      /^127\.0\.0\.1:3000 \(this machine only; .*HOSTNAME=0\.0\.0\.0.*Self-hosting/,
    );
    expect(describeBind("0.0.0.0", 3000)).toBe("0.0.0.0:3000 (every network interface)");
    expect(describeBind("10.0.0.5", 3000)).toBe("10.0.0.5:3000");
  });
});
