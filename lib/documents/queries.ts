import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { awbFromTrackingUrl } from "@/lib/documents/awb-from-url";
import { stateByCode, stateByName } from "@/lib/documents/india-states";
import type { Address, OrderPaper, Sender } from "@/lib/documents/paper-types";
import { stateCodeForPincode } from "@/lib/documents/pincode-state";
import type { DocumentSettingsDto, PrintTarget, ProductTaxRow } from "@/lib/documents/schemas";
import { MAX_DOCUMENTS_PER_FILE } from "@/lib/documents/schemas";
import { AppError } from "@/lib/http/app-error";
import { istDay, istDayStart } from "@/lib/orders/ist-days";
import { getOrdersForExport, listOrders } from "@/lib/orders/queries";
import type { TribemadeAddressDto } from "@/lib/orders/schemas";

// Reads for paperwork: the store's settings, its products' tax settings, which orders a print
// request means, and the orders as the renderers draw them. Each takes the caller's Member and
// reads only member.store.id's rows.

const DEFAULTS: DocumentSettingsDto = {
  senderName: "",
  senderAddress: "",
  senderPincode: "",
  senderPhone: "",
  legalName: "",
  gstin: null,
  registeredAddress: "",
  stateCode: null,
  invoicePrefix: "INV",
  defaultHsn: "",
  defaultGstRate: "0",
};

export async function getDocumentSettings(member: Member): Promise<DocumentSettingsDto> {
  const row = await db.documentSettings.findUnique({ where: { storeId: member.store.id } });
  if (!row) return DEFAULTS;
  const { storeId: _storeId, updatedAt: _updatedAt, defaultGstRate, ...rest } = row;
  return { ...rest, defaultGstRate: String(Number(defaultGstRate)) };
}

export function senderOf(member: Member, settings: DocumentSettingsDto): Sender {
  return {
    storeName: member.store.name,
    name: settings.senderName,
    address: settings.senderAddress,
    pincode: settings.senderPincode,
    phone: settings.senderPhone,
  };
}

/** Products seen in the store's orders (most ordered first) with their HSN and GST rate, if set. */
export async function listProductTaxes(member: Member, limit = 200): Promise<ProductTaxRow[]> {
  const storeId = member.store.id;
  const groups = await db.order.groupBy({
    by: ["productId"],
    where: { storeId, productId: { not: null } },
    _count: { _all: true },
    _max: { productName: true },
    orderBy: { _count: { productId: "desc" } },
    take: limit,
  });
  const ids = groups.flatMap((group) => (group.productId ? [group.productId] : []));
  const settings = await db.productTaxSetting.findMany({ where: { storeId, productId: { in: ids } } });
  const byId = new Map(settings.map((setting) => [setting.productId, setting]));
  return groups.flatMap((group) => {
    if (!group.productId) return [];
    const setting = byId.get(group.productId);
    return [
      {
        productId: group.productId,
        productName: group._max.productName,
        orders: group._count._all,
        hsn: setting?.hsn ?? null,
        gstRate: setting?.gstRate ? String(Number(setting.gstRate)) : null,
      },
    ];
  });
}

/** Tax settings of these products (HSN, rate), for invoices. */
export async function getProductTaxes(member: Member, productIds: string[]) {
  const rows = await db.productTaxSetting.findMany({ where: { storeId: member.store.id, productId: { in: productIds } } });
  return new Map(rows.map((row) => [row.productId, { hsn: row.hsn, gstRate: row.gstRate ? String(Number(row.gstRate)) : null }]));
}

function tooMany(): AppError {
  return new AppError(
    "validation_failed",
    `One file holds at most ${MAX_DOCUMENTS_PER_FILE} orders: narrow the filter or print in parts.`,
    { reason: "too_many_documents", max: MAX_DOCUMENTS_PER_FILE },
  );
}

/** The orders a print request means, in print order (the feed's: newest first), at most 500. */
export async function resolvePrintTarget(member: Member, target: PrintTarget, now = new Date()): Promise<string[]> {
  if (target.kind === "orders") return [...new Set(target.ids)];
  if (target.kind === "dispatched_today") {
    const rows = await db.order.findMany({
      where: {
        storeId: member.store.id,
        status: "dispatched",
        events: {
          some: {
            type: "status_requested",
            createdAt: { gte: istDayStart(istDay(now)) },
            data: { path: ["to"], equals: "dispatched" },
          },
        },
      },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: MAX_DOCUMENTS_PER_FILE + 1,
      select: { id: true },
    });
    if (rows.length > MAX_DOCUMENTS_PER_FILE) throw tooMany();
    return rows.map((row) => row.id);
  }
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOrders(member, { ...target.filters, cursor, limit: 100 }, now);
    ids.push(...page.items.map((item) => item.id));
    if (ids.length > MAX_DOCUMENTS_PER_FILE) throw tooMany();
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

function addressOf(structured: TribemadeAddressDto | null, oneLine: string | null, pincode: string): Address {
  const fromPincode = stateCodeForPincode(pincode);
  if (structured) {
    const cityState = [structured.city, structured.state].filter(Boolean).join(", ");
    return {
      lines: [structured.line1, structured.line2, cityState].filter((line): line is string => Boolean(line)),
      pincode: structured.pincode ?? pincode,
      // TribeMade's address object first, then the PIN code (docs/documents.md).
      state: stateByName(structured.state) ?? (fromPincode ? (stateByCode(fromPincode) ?? null) : null),
    };
  }
  return { lines: oneLine ? [oneLine] : [], pincode, state: fromPincode ? (stateByCode(fromPincode) ?? null) : null };
}

/** The store's orders among `ids` as the renderers draw them, in that order. */
export async function loadOrderPapers(member: Member, ids: string[]): Promise<OrderPaper[]> {
  const orders = await getOrdersForExport(member, ids);
  return orders.map((order) => ({
    id: order.id,
    tribemadeOrderId: order.tribemadeOrderId,
    status: order.status,
    placedAt: new Date(order.placedAt ?? order.receivedAt),
    customer: {
      name: order.customerName,
      phone: order.customerPhone,
      email: order.customerEmail,
      address: addressOf(order.tribemadeAddress, order.customerAddress, order.customerPincode),
    },
    productId: order.productId,
    productName: order.productName,
    quantity: order.quantity,
    amount: order.amount,
    variation: order.variation,
    size: order.size,
    color: order.color,
    specialInstructions: order.specialInstructions,
    customQuestions: order.customQuestions.map(({ question, answer }) => ({ question, answer })),
    trackingUrl: order.trackingUrl,
    awb: awbFromTrackingUrl(order.trackingUrl),
  }));
}

/** How many of `ids` are this store's orders. */
export async function countStoreOrders(member: Member, ids: string[]): Promise<number> {
  return ids.length === 0 ? 0 : db.order.count({ where: { storeId: member.store.id, id: { in: ids } } });
}
