import { MAX_ATTEMPTS, type OutboxKind } from "@/lib/outbox/messages";
import type { OutboxMessageDto } from "@/lib/outbox/schemas";

// An OutboxMessage row as the outbox page shows it.

export type MessageRow = {
  id: bigint;
  kind: OutboxKind;
  status: OutboxMessageDto["status"];
  attempts: number;
  payload: unknown;
  createdAt: Date;
  availableAt: Date;
  lastAttemptAt: Date | null;
  lastError: string | null;
};

type OrderRef = { id: string; tribemadeOrderId: string; customerName: string };

export function toMessageDto(row: MessageRow, orders: Map<string, OrderRef>): OutboxMessageDto {
  const payload = (row.payload ?? {}) as { orderId?: string; status?: string };
  const order = payload.orderId ? orders.get(payload.orderId) : undefined;
  return {
    id: row.id.toString(),
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: MAX_ATTEMPTS[row.kind],
    createdAt: row.createdAt.toISOString(),
    availableAt: row.availableAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastError: row.lastError,
    summary: summaryOf(row.kind, payload.status),
    order: order ? { id: order.id, shortId: order.tribemadeOrderId.slice(0, 8), customerName: order.customerName } : null,
  };
}

function summaryOf(kind: OutboxKind, status: string | undefined): string {
  switch (kind) {
    case "push_status":
      return `Set ${status ?? "status"}`;
    case "verify_order":
      return "Verify with TribeMade";
    case "refresh_order":
      return "Refresh from TribeMade";
    case "forward":
      return "Forward to fulfillment";
    case "notify_push":
      return "Push notification";
    case "notify_email":
      return "Email notification";
    case "read_product":
      return "Read product from TribeMade";
    case "apply_stock":
      return "Apply stock change";
    case "edit_product":
      return "Edit product at TribeMade";
    case "fetch_order":
      return "Add missing order from TribeMade";
  }
}
