/** How merchants quote an order: "#" and the first 8 characters of TribeMade's order id. */
export function orderRef(tribemadeOrderId: string): string {
  return `#${tribemadeOrderId.slice(0, 8)}`;
}
