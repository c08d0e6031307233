"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { requireFormOwner, requireMember } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { notifyOrderChanged } from "@/lib/feed/notify";
import { runAction } from "@/lib/http/run-action";
import * as mutations from "@/lib/orders/mutations";
import type { UndoResult } from "@/lib/orders/status-undo";
import {
  autoProcessSchema,
  bulkStatusSchema,
  changeStatusSchema,
  statusChangeRefSchema,
  undoStatusChangesSchema,
} from "@/lib/orders/status-schemas";
import type { TargetStatus } from "@/lib/orders/transitions";
import { UNDO_WINDOW_MS } from "@/lib/orders/undo-window";
import { wakeDrainAfter } from "@/lib/outbox/wake";

// "use server" wrappers for status changes: parse, check the caller (staff and owners may change
// status; only owners set store rules), call one mutation, then wake the outbox drain after the
// response. The dashboard refreshes its own queries, so nothing here revalidates the feed.

/** What the UI needs to show a change at once and offer Undo until `undoUntil`. */
export type StatusChangeReceipt = {
  orderId: string;
  status: TargetStatus;
  version: number;
  trackingUrl: string | null;
  undoUntil: string;
};

/**
 * After a change commits: tell open feeds and order pages (they re-read the orders), and start
 * sending once the push is due, when the undo window ends (lib/outbox/wake.ts times it).
 */
function afterChange(storeId: string, orderIds: string[], delayMs: number) {
  if (orderIds.length === 0) return;
  after(() => Promise.all(orderIds.map((orderId) => notifyOrderChanged(storeId, orderId))));
  wakeDrainAfter(storeId, { delayMs });
}

export async function changeOrderStatus(input: unknown): Promise<ActionResult<StatusChangeReceipt>> {
  return runAction("changeOrderStatus", changeStatusSchema, input, async ({ orderId, version, status, tracking }) => {
    const member = await requireMember();
    const changed = await mutations.changeOrderStatus(member, { orderId, version, status, trackingUrl: tracking });
    afterChange(member.store.id, [changed.orderId], UNDO_WINDOW_MS);
    return {
      orderId: changed.orderId,
      status: changed.status,
      version: changed.version,
      trackingUrl: changed.trackingUrl,
      undoUntil: changed.sendAfter.toISOString(),
    };
  });
}

export async function undoStatusChange(
  input: unknown,
): Promise<ActionResult<{ orderId: string; status: string; version: number }>> {
  return runAction("undoStatusChange", statusChangeRefSchema, input, async (change) => {
    const member = await requireMember();
    const undone = await mutations.undoStatusChange(member, change);
    afterChange(member.store.id, [undone.orderId], 0);
    return { orderId: undone.orderId, status: undone.status, version: undone.version };
  });
}

/** Bulk Undo: each change is undone if its push has not been sent; the rest say why not. */
export async function undoStatusChanges(input: unknown): Promise<ActionResult<UndoResult[]>> {
  return runAction("undoStatusChanges", undoStatusChangesSchema, input, async ({ changes }) => {
    const member = await requireMember();
    const results = await mutations.undoStatusChanges(member, changes);
    afterChange(
      member.store.id,
      results.flatMap((result) => (result.outcome === "undone" ? [result.orderId] : [])),
      0,
    );
    return results;
  });
}

export async function retryStatusPush(input: unknown): Promise<ActionResult<{ orderId: string; version: number }>> {
  return runAction("retryStatusPush", statusChangeRefSchema, input, async (ref) => {
    const member = await requireMember();
    const { version } = await mutations.retryStatusPush(member, ref);
    afterChange(member.store.id, [ref.orderId], 0);
    return { orderId: ref.orderId, version };
  });
}

export type BulkReceipt = mutations.BulkResult & { undoUntil: string };

export async function bulkChangeStatus(input: unknown): Promise<ActionResult<BulkReceipt>> {
  return runAction("bulkChangeStatus", bulkStatusSchema, input, async (data) => {
    const member = await requireMember();
    const result = await mutations.bulkChangeStatus(member, data);
    afterChange(
      member.store.id,
      result.changed.map((change) => change.orderId),
      UNDO_WINDOW_MS,
    );
    const undoUntil = result.changed[0]?.sendAfter ?? new Date();
    return { ...result, undoUntil: undoUntil.toISOString() };
  });
}

/** The store rule "mark new orders processing" (owners only), for the store the card was rendered for. */
export async function setAutoProcessNewOrders(input: unknown): Promise<ActionResult<{ enabled: boolean }>> {
  return runAction("setAutoProcessNewOrders", autoProcessSchema, input, async ({ storeId, enabled }) => {
    const member = await requireFormOwner(storeId);
    await mutations.setAutoProcessNewOrders(member, enabled);
    revalidatePath("/settings");
    return { enabled };
  });
}
