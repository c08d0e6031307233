import { shortId } from "@/lib/format/ids";

/** How an order is quoted in toasts and dialogs: "#3f2a9c1e" (TribeMade's order id, short). */
export function orderRef(tribemadeOrderId: string): string {
  return `#${shortId(tribemadeOrderId)}`;
}
