// A small demo catalogue, given to new stores so simulated orders have something to be for. Prices
// in INR; categories match the default store categories in stores.ts.

import type { ProductCreateInput } from "./product-schema";

export const DEMO_CATALOG: ProductCreateInput[] = [
  {
    name: "Handloom Cotton Kurta",
    price: 1499,
    current_price: 1299,
    shipping_cost: 0,
    is_sale: true,
    stock: 40,
    description: "Breathable handloom cotton kurta, hand-finished by weavers in Bhagalpur.",
    variations: ["Regular Fit", "Slim Fit"],
    size: ["S", "M", "L", "XL"],
    colors: ["Indigo", "White", "Navy Blue"],
    categories: ["apparel"],
  },
  {
    name: "Block Print Dupatta",
    price: 899,
    stock: 25,
    shipping_cost: 49,
    description: "Sanganeri hand block printed mulmul dupatta.",
    colors: ["Rust", "Mustard", "Teal"],
    categories: ["apparel", "accessories"],
  },
  {
    name: "Personalised Name Mug",
    price: 449,
    current_price: 399,
    is_sale: true,
    stock: 100,
    shipping_cost: 60,
    description: "Ceramic mug printed with a name of your choice.",
    custom_questions: [{ question: "Name to print", type: "text" }],
    categories: ["home"],
  },
  {
    name: "Silver Jhumka Earrings",
    price: 2499,
    current_price: 1999.5,
    is_sale: true,
    stock: 12,
    description: "Oxidised 92.5 sterling silver jhumkas.",
    variations: ["Small", "Large"],
    categories: ["accessories"],
  },
  {
    name: "Masala Chai Blend 250g",
    price: 349,
    stock: 200,
    shipping_cost: 40,
    description: "Assam CTC with cardamom, ginger and clove.",
    categories: ["food"],
  },
];
