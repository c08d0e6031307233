// The zod contracts shared by the forms and the server.
import { describe, expect, it } from "vitest";
import { fieldErrorsFromIssues } from "@/lib/http/action-result";
import { loginSchema, safeCallbackPath, signUpSchema, signupDestination } from "@/lib/auth/schemas";
import { isSessionCookieName } from "@/lib/auth/session-cookie";
import { apiKeySchema, createStoreSchema, maskApiKey, storeDetailsSchema } from "@/lib/stores/schemas";

describe("sign-in and sign-up", () => {
  it("normalises the email", () => {
    expect(loginSchema.parse({ email: "  Asha@Example.IN ", password: "x" })).toEqual({
      email: "asha@example.in",
      password: "x",
    });
  });

  it("explains each bad sign-up field", () => {
    const result = signUpSchema.safeParse({ name: " ", email: "asha@", password: "123456789" });
    expect(result.success).toBe(false);
    expect(fieldErrorsFromIssues(result.error?.issues ?? [])).toEqual({
      name: "Enter your name.",
      email: "Enter a valid email address.",
      password: "Use at least 10 characters.",
    });
  });

  it("accepts a long passphrase and rejects an absurd one", () => {
    expect(signUpSchema.safeParse({ name: "A", email: "a@b.in", password: "x".repeat(200) }).success).toBe(true);
    expect(signUpSchema.safeParse({ name: "A", email: "a@b.in", password: "x".repeat(201) }).success).toBe(false);
  });
});

describe("safeCallbackPath", () => {
  it.each([
    [null, "/orders"],
    ["/settings/team", "/settings/team"],
    ["/orders?status=started", "/orders?status=started"],
    ["/invite/abc", "/invite/abc"],
    ["https://evil.example/", "/orders"],
    ["//evil.example/", "/orders"],
    ["/\\evil.example", "/orders"],
    ["javascript:alert(1)", "/orders"],
    ["/api/auth/signout", "/orders"],
    ["/login?callbackUrl=/x", "/orders"],
    // Browsers drop tabs and newlines from URLs: "/\t/evil.example" would become "//evil.example".
    ["/\t/evil.example", "/orders"],
    ["/\n/evil.example", "/orders"],
    ["/\r/evil.example", "/orders"],
    ["/\u0000/evil.example", "/orders"],
    ["\t//evil.example", "/orders"],
    ["/%09/evil.example", "/orders"],
    ["/%0a/evil.example", "/orders"],
    ["/%5c/evil.example", "/orders"],
    ["/orders\\..\\..\\evil", "/orders"],
    ["/%E0", "/orders"],
    ["/./api/auth/signout", "/orders"],
    ["/orders/../api/x", "/orders"],
    ["/orders/../login", "/orders"],
    ["/settings/../settings/team#x", "/settings/team#x"],
    ["/invite/a%2Fb", "/invite/a%2Fb"],
  ])("%j → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it("never returns anything a browser resolves to another origin", () => {
    const tricky = ["/\t/evil.example", "/%09/x", " //evil.example", "/\\evil.example", "http:evil.example", "/\u2028/evil"];
    for (const value of tricky) {
      const path = safeCallbackPath(value);
      expect(new URL(path, "https://desk.example.in").origin).toBe("https://desk.example.in");
      expect(path).not.toMatch(/[\u0000-\u001f\u007f\\]/);
    }
  });
});

describe("signupDestination (the /signup page)", () => {
  it.each(["/\t/evil.example", "/%09/evil.example", "/%0a/evil.example", "https://evil.example/invite/x", "//evil.example"])(
    "ignores the hostile %j: onboarding, no invite",
    (value) => {
      expect(signupDestination(value)).toEqual({ next: "/onboarding", inviteToken: null });
    },
  );

  it.each(["/invite/%E0", "/invite/%", "/%E0%A4%A", "/invite/abc%E0#%"])(
    "ignores the malformed %j instead of failing",
    (value) => {
      expect(() => signupDestination(value)).not.toThrow();
      expect(signupDestination(value)).toEqual({ next: "/onboarding", inviteToken: null });
    },
  );

  it("keeps an invite link (its token decoded) and any other same-site path", () => {
    expect(signupDestination("/invite/abc-123")).toEqual({ next: "/invite/abc-123", inviteToken: "abc-123" });
    expect(signupDestination("/invite/abc?x=%E0")).toEqual({ next: "/invite/abc?x=%E0", inviteToken: "abc" });
    expect(signupDestination("/settings/team")).toEqual({ next: "/settings/team", inviteToken: null });
    expect(signupDestination(null)).toEqual({ next: "/onboarding", inviteToken: null });
  });
});

describe("TribeMade API key", () => {
  it.each(["tb-a1b2-c3d-e4f5", "tb-A1B2-C3D-E4F5", " tb-0000-000-0000 "])("accepts %j", (key) => {
    expect(apiKeySchema.safeParse(key).success).toBe(true);
  });

  it.each([
    "",
    "tb-a1b2-c3d-e4f",
    "tb-a1b2c3de4f5",
    "tb_a1b2_c3d_e4f5",
    "sk-a1b2-c3d-e4f5",
    "tb-a1b2-c3d-e4f5x",
    "tb-a1b!-c3d-e4f5",
  ])("rejects %j", (key) => {
    expect(apiKeySchema.safeParse(key).success).toBe(false);
  });

  it("is shown masked to its last four characters", () => {
    expect(maskApiKey("e4f5")).toBe("tb-…e4f5");
    expect(maskApiKey(null)).toBeNull();
  });
});

describe("store forms", () => {
  it("turns empty optional fields into null", () => {
    expect(createStoreSchema.parse({ name: " Chai ", apiKey: "tb-a1b2-c3d-e4f5", tribemadeStoreId: "" })).toEqual({
      name: "Chai",
      apiKey: "tb-a1b2-c3d-e4f5",
      tribemadeStoreId: null,
    });
    expect(storeDetailsSchema.parse({ name: "Chai", tribemadeStoreId: "", fulfillmentUrl: "", retentionDays: "30" })).toEqual({
      name: "Chai",
      tribemadeStoreId: null,
      fulfillmentUrl: null,
      retentionDays: 30,
    });
  });

  it.each([
    [{ fulfillmentUrl: "http://x.in" }, "fulfillmentUrl"],
    [{ fulfillmentUrl: "ftp://x.in" }, "fulfillmentUrl"],
    [{ fulfillmentUrl: "not a url" }, "fulfillmentUrl"],
    [{ retentionDays: "0" }, "retentionDays"],
    [{ retentionDays: "366" }, "retentionDays"],
    [{ retentionDays: "" }, "retentionDays"],
    [{ retentionDays: "abc" }, "retentionDays"],
    [{ tribemadeStoreId: "550e8400" }, "tribemadeStoreId"],
  ])("refuses %j on %s", (change, field) => {
    const result = storeDetailsSchema.safeParse({
      name: "Chai",
      tribemadeStoreId: "",
      fulfillmentUrl: "",
      retentionDays: "30",
      ...change,
    });
    expect(Object.keys(fieldErrorsFromIssues(result.error?.issues ?? []))).toEqual([field]);
  });

  it("accepts 1 and 365 days", () => {
    for (const days of ["1", "365"]) {
      expect(
        storeDetailsSchema.safeParse({ name: "Chai", tribemadeStoreId: "", fulfillmentUrl: "", retentionDays: days }).success,
      ).toBe(true);
    }
  });
});

describe("request helpers", () => {
  it("knows next-auth's session cookie names, chunked or not", () => {
    expect(isSessionCookieName("next-auth.session-token")).toBe(true);
    expect(isSessionCookieName("__Secure-next-auth.session-token.1")).toBe(true);
    expect(isSessionCookieName("next-auth.csrf-token")).toBe(false);
    expect(isSessionCookieName("next-auth.session-tokenX")).toBe(false);
  });
});
