import { describe, expect, it } from "vitest";
import { fakeCustomer, formatFullAddress } from "@/lib/tribemade/simulator/fake-data";
import { createRandom } from "@/lib/tribemade/simulator/random";

describe("simulator fake customers", () => {
  const random = createRandom(42);
  const customers = Array.from({ length: 300 }, () => fakeCustomer(random));

  it("has Indian mobile numbers, plausible PINs and e-mail addresses", () => {
    for (const customer of customers) {
      expect(customer.number).toMatch(/^[6-9]\d{9}$/);
      expect(customer.pincode).toMatch(/^[1-9]\d{5}$/);
      expect(customer.email).toMatch(/^[a-z0-9._]+@[a-z.]+\.[a-z]+$/);
      expect(customer.name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(customer.address.country).toBe("India");
    }
  });

  it("pairs cities with their real states and PIN prefixes", () => {
    const mumbai = customers.find((c) => c.address.city === "Mumbai");
    expect(mumbai?.address.state).toBe("Maharashtra");
    expect(mumbai?.pincode.startsWith("400")).toBe(true);
    const bengaluru = customers.find((c) => c.address.city === "Bengaluru");
    expect(bengaluru?.address.state).toBe("Karnataka");
    expect(bengaluru?.pincode.startsWith("560")).toBe(true);
  });

  it("writes one-string addresses like the Webhooks page", () => {
    const full = formatFullAddress(customers[0]!.address);
    expect(full).toMatch(/^[\d/]+, .+, India$/);
    expect(full).not.toContain(", ,");
  });

  it("is reproducible from a seed", () => {
    expect(fakeCustomer(createRandom(7))).toEqual(fakeCustomer(createRandom(7)));
  });
});
