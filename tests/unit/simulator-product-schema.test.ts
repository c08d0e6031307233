import { describe, expect, it } from "vitest";
import { validateProductCreate, validateProductEdit } from "@/lib/tribemade/simulator/product-schema";

const valid = { name: "Cotton Kurta", price: 1299.99, description: "", stock: 0 };

function createError(body: unknown): string | undefined {
  const result = validateProductCreate(body);
  return result.ok ? undefined : result.error;
}

describe("simulator product validation", () => {
  it("accepts the required fields alone, with an empty description (A13)", () => {
    expect(validateProductCreate(valid)).toEqual({ ok: true, value: valid });
  });

  it.each([
    [{}, "name, price, description, and stock are required"],
    [{ ...valid, stock: undefined }, "name, price, description, and stock are required"],
    [{ ...valid, name: null }, "name, price, description, and stock are required"],
    [[1, 2], "name, price, description, and stock are required"],
    [{ ...valid, name: "ab" }, "Name must be between 3 and 30 characters"],
    [{ ...valid, name: "x".repeat(31) }, "Name must be between 3 and 30 characters"],
    [{ ...valid, price: 0 }, "price must be > 0"],
    [{ ...valid, price: "1299" }, "price must be > 0"],
    [{ ...valid, stock: -1 }, "stock must be a non-negative integer"],
    [{ ...valid, stock: 1.5 }, "stock must be a non-negative integer"],
    [{ ...valid, shipping_cost: -5 }, "shipping_cost must be >= 0"],
    [{ ...valid, description: "x".repeat(501) }, "Description must be between 0 and 500 characters"],
    [{ ...valid, short_description: "x".repeat(51) }, "Short description must be between 0 and 50 characters"],
    [{ ...valid, size: Array.from({ length: 21 }, (_, i) => `S${i}`) }, "size cannot have more than 20 items"],
    [{ ...valid, images: Array.from({ length: 11 }, () => "https://x.in/a.jpg") }, "images cannot have more than 10 items"],
    [{ ...valid, primary_image: "a".repeat(7 * 1024 * 1024 + 4) }, "Image too large (max 5MB)"],
    [
      { ...valid, custom_questions: [{ question: "Name?", type: "video" }] },
      "Invalid custom question type. Must be 'text' or 'image'",
    ],
    [
      { ...valid, custom_questions: Array.from({ length: 6 }, () => ({ question: "Q", type: "text" })) },
      "custom_questions cannot have more than 5 items",
    ],
  ])("%# refuses with the documented message", (body, message) => {
    expect(createError(body)).toBe(message);
  });

  it("edit needs at least one known field and validates the ones given", () => {
    expect(validateProductEdit({})).toEqual({ ok: false, error: "No Fields to Update" });
    expect(validateProductEdit({ colour: "red" })).toEqual({ ok: false, error: "No Fields to Update" });
    expect(validateProductEdit({ is_active: false })).toEqual({ ok: true, value: { is_active: false } });
    expect(validateProductEdit({ name: "no" })).toEqual({ ok: false, error: "Name must be between 3 and 30 characters" });
  });
});
