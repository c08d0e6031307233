import { describe, expect, it } from "vitest";
import { readOrderDetails } from "@/lib/orders/order-details";

describe("readOrderDetails", () => {
  const webhook = {
    order_details: {
      quantity: 2,
      amount: 2048,
      variation: "Slim Fit",
      size: "L",
      color: "Navy Blue",
      special_instructions: "Please gift wrap",
      custom_questions: [{ question: "Name on the card?", answer: "Ammu" }, "loose answer", { other: 1 }],
    },
  };
  const tribemade = {
    customer: {
      full_address: { line1: "123, MG Road", line2: "Apartment 4B", city: "Mumbai", state: "Maharashtra", country: "India" },
      pincode: "400001",
    },
    order_details: { variation: null, size: "XL", color: null, special_instructions: null, custom_questions: [] },
  };

  it("prefers what the customer sent in the webhook, and reads TribeMade's structured address", () => {
    expect(readOrderDetails(webhook, tribemade)).toEqual({
      variation: "Slim Fit",
      size: "L",
      color: "Navy Blue",
      specialInstructions: "Please gift wrap",
      customQuestions: [
        { question: "Name on the card?", answer: "Ammu", raw: { question: "Name on the card?", answer: "Ammu" } },
        { question: null, answer: "loose answer", raw: "loose answer" },
        { question: null, answer: null, raw: { other: 1 } },
      ],
      tribemadeAddress: {
        line1: "123, MG Road",
        line2: "Apartment 4B",
        city: "Mumbai",
        state: "Maharashtra",
        country: "India",
        pincode: "400001",
      },
    });
  });

  it("falls back to TribeMade's answer where the webhook is silent (the docs' minimal example)", () => {
    const details = readOrderDetails({ order_details: { quantity: 1, amount: 10 } }, tribemade);
    expect(details.size).toBe("XL");
    expect(details.variation).toBeNull();
    expect(details.customQuestions).toEqual([]);
  });

  it("copes with missing or odd documents", () => {
    expect(readOrderDetails(null, null)).toEqual({
      variation: null,
      size: null,
      color: null,
      specialInstructions: null,
      customQuestions: [],
      tribemadeAddress: null,
    });
    expect(
      readOrderDetails({ order_details: "x" }, { customer: { full_address: "12, Park St, Kolkata" } }).tribemadeAddress,
    ).toEqual({
      line1: "12, Park St, Kolkata",
    });
  });
});
