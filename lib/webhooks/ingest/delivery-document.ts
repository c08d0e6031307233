import type { OrderFields } from "@/lib/webhooks/ingest/classify";
import type { FieldIssue } from "@/lib/webhooks/payload-schema";

// One delivery as the ingest statement reads it (statement.ts, $1): a JSON object whose absent
// keys read as SQL NULL through ->> and ->. Built as text, splicing in the payload already
// serialised by classify, rather than parsing and re-serialising it.

export type EndpointSelector =
  | { kind: "token"; tokenHash: string }
  /** Replays: the merchant chose the delivery, so a since-revoked endpoint still replays. */
  | { kind: "endpoint"; endpointId: string; storeId: string };

export type DeliveryRecord = {
  headers: Record<string, string>;
  body: Uint8Array;
  bodySha256: string;
  warnings: string[];
  orderRef: string | null;
  replayOfId: string | null;
};

/** What the delivery turned out to be: a valid order, or a rejection with its reason. */
export type DeliveryContent =
  { kind: "order"; order: OrderFields; payloadJson: string } | { kind: "rejected"; reason: string; errors: FieldIssue[] };

/** `elapsedMs`: milliseconds since the request started, taken just before the statement is sent. */
export function deliveryDocument(
  selector: EndpointSelector,
  record: DeliveryRecord,
  content: DeliveryContent,
  elapsedMs: number,
): string {
  const delivery = JSON.stringify({
    ...(selector.kind === "token"
      ? { tokenHash: selector.tokenHash }
      : { endpointId: selector.endpointId, storeId: selector.storeId }),
    headers: record.headers,
    bodySha256: record.bodySha256,
    bodySize: record.body.byteLength,
    warnings: record.warnings.length > 0 ? record.warnings : undefined,
    orderRef: record.orderRef ?? undefined,
    elapsedMs,
    replayOfId: record.replayOfId ?? undefined,
  });
  return `${delivery.slice(0, -1)},${contentMembers(content)}}`;
}

function contentMembers(content: DeliveryContent): string {
  if (content.kind === "rejected") {
    return `"reason":${JSON.stringify(content.reason)},"errors":${JSON.stringify(content.errors)}`;
  }
  const { placedAt, orderIdAsSent: _asSent, ...fields } = content.order;
  const orderJson = JSON.stringify({ ...fields, placedAt: placedAt?.toISOString() });
  return `"order":${orderJson},"payload":${content.payloadJson}`;
}
