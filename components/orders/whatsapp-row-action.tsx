"use client";

import { useQuery } from "@tanstack/react-query";
import { MessageCircleIcon } from "lucide-react";
import { WhatsappMenuItems } from "@/components/orders/whatsapp-menu-items";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { formatPhone, indianMobile } from "@/lib/format/phone";
import { fetchJson } from "@/lib/http/fetch-json";
import { orderKeys } from "@/lib/orders/keys";
import { orderDetailSchema, type OrderRowDto } from "@/lib/orders/schemas";
import type { StoreTemplates } from "@/lib/orders/whatsapp/templates";

/** What every row's menu shares: the store's name and wording (the orders page loads them once). */
export type WhatsappStore = { storeName: string; templates: StoreTemplates };

export type WhatsappRowActionProps = {
  storeId: string;
  order: OrderRowDto;
  whatsapp: WhatsappStore;
  size?: "icon" | "icon-sm";
  className?: string;
};

/**
 * The feed row's WhatsApp button. Rows do not carry the customer's number, so the open menu reads
 * the order (the order page's own query and cache, warm if the merchant then opens it) and the
 * messages appear when it arrives. Fetching on the message's click instead would open wa.me after
 * an await, which popup blockers refuse.
 * Not modal (the WAI-ARIA menu button): a modal Radix menu marks the whole feed aria-hidden while its
 * checkboxes and links stay focusable, which axe reports as serious (aria-hidden-focus).
 */
export function WhatsappRowAction({ storeId, order, whatsapp, size = "icon", className }: WhatsappRowActionProps) {
  const label = `WhatsApp ${order.customerName}`;
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size={size} aria-label={label} title={label} className={className}>
          <MessageCircleIcon />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64 max-w-[calc(100vw-16px)]">
        <RowMenuItems storeId={storeId} order={order} whatsapp={whatsapp} />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

// Lines that say something rather than offer it: disabled, yet read at full strength.
const SAYS = "text-fg-muted data-[disabled]:opacity-100";

/** Mounted only while the menu is open: a feed of closed menus holds no queries. */
function RowMenuItems({ storeId, order, whatsapp }: Omit<WhatsappRowActionProps, "size" | "className">) {
  const detail = useQuery({
    queryKey: orderKeys.detail(storeId, order.id),
    queryFn: ({ signal }) => fetchJson(`/api/orders/${order.id}`, orderDetailSchema, { signal }),
    staleTime: 30_000,
  });
  if (detail.data) {
    const phone = detail.data.customerPhone;
    if (!indianMobile(phone)) {
      return (
        <DropdownMenuItem disabled className={cn("block", SAYS)}>
          {phone.trim()
            ? `No WhatsApp: ${formatPhone(phone)} is not an Indian mobile number.`
            : "No WhatsApp: the order has no phone number."}
        </DropdownMenuItem>
      );
    }
    return (
      <WhatsappMenuItems
        storeId={storeId}
        orderId={order.id}
        facts={{ ...detail.data, storeName: whatsapp.storeName }}
        templates={whatsapp.templates}
      />
    );
  }
  if (detail.isError) {
    return (
      <DropdownMenuItem
        className="block"
        onSelect={(event) => {
          // Stay open: the answer replaces this line.
          event.preventDefault();
          void detail.refetch();
        }}
      >
        {detail.error.message} <span className="text-accent-text font-medium">Try again</span>
      </DropdownMenuItem>
    );
  }
  return (
    <DropdownMenuItem disabled className={SAYS}>
      <Spinner size="sm" />
      Loading {order.customerName}&rsquo;s number…
    </DropdownMenuItem>
  );
}
