// GET /api/orders/{id} body (docs/tribemade-api.md §3.5): rating, review and tracking_url are always
// present (null when empty); variation/size/color/special_instructions are nullable strings.

import { apiTimestamp } from "./timestamps";
import type { Order } from "./types";

export function orderView(order: Order) {
  const { customer, details } = order;
  return {
    id: order.id,
    created_at: apiTimestamp(order.createdAtMs, order.createdAtMicros),
    product_id: order.productId,
    product_name: order.productName,
    product_image: order.productImage,
    status: order.status,
    customer: {
      name: customer.name,
      email: customer.email,
      number: customer.number,
      full_address: { ...customer.address },
      pincode: customer.pincode,
    },
    order_details: {
      quantity: details.quantity,
      amount: details.amount,
      variation: details.variation,
      size: details.size,
      color: details.color,
      special_instructions: details.specialInstructions,
      custom_questions: details.customQuestions,
    },
    rating: order.rating,
    review: order.review,
    tracking_url: order.trackingUrl,
  };
}

export type OrderView = ReturnType<typeof orderView>;
