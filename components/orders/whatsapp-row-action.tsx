"use client";

import { useQuery } from "@tanstack/react-query";
import { MessageCircleIcon } from "lucide-react";
import { useState } from "react";
import { WhatsappMenuItems } from "@/components/orders/whatsapp-menu-items";
import { Button } from "@/components/ui/button";
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
 * The feed row's WhatsApp button. Rows do not carry the customer's number, so opening the menu
 * reads the order (the order page's own query and cache, warm if the merchant then opens it) and
 * the messages appear when it arrives. Fetching on the message's click instead would open wa.me
 * after an await, which popup blockers refuse.
 * Not modal (the WAI-ARIA menu button): a modal Radix menu marks the whole feed aria-hidden while its
 * checkboxes and links stay focusable, which axe reports as serious (aria-hidden-focus).
 */
export function WhatsappRowAction({ storeId, order, whatsapp, size = "icon", className }: WhatsappRowActionProps) {
  const [open, setOpen] = useState(false);
  const detail = useQuery({
    queryKey: orderKeys.detail(storeId, order.id),
    queryFn: ({ signal }) => fetchJson(`/api/orders/${order.id}`, orderDetailSchema, { signal }),
    enabled: open,
    staleTime: 30_000,
  });
  const label = `WhatsApp ${order.customerName}`;

  let items;
  if (detail.data) {
    items = indianMobile(detail.data.customerPhone) ? (
      <WhatsappMenuItems
        storeId={storeId}
        orderId={order.id}
        facts={{ ...detail.data, storeName: whatsapp.storeName }}
        templates={whatsapp.templates}
      />
    ) : (
      <DropdownMenuItem disabled className="block">
        {noMobileReason(detail.data.customerPhone)}
      </DropdownMenuItem>
    );
  } else if (detail.isError) {
    items = (
      <DropdownMenuItem
        onSelect={(event) => {
          event.preventDefault();
          void detail.refetch();
        }}
        className="block"
      >
        {detail.error.message} <span className="text-accent-text font-medium">Try again</span>
      </DropdownMenuItem>
    );
  } else {
    items = (
      <DropdownMenuItem disabled>
        <Spinner size="sm" />
        Loading {order.customerName}&rsquo;s number…
      </DropdownMenuItem>
    );
  }

  return (
    <DropdownMenu open={open} onOpenChange={setOpen} modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size={size} aria-label={label} title={label} className={className}>
          <MessageCircleIcon />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64 max-w-[calc(100vw-16px)]" aria-busy={detail.isFetching && !detail.data}>
        {items}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function noMobileReason(phone: string): string {
  if (!phone.trim()) return "No WhatsApp: the order has no phone number.";
  return `No WhatsApp: ${formatPhone(phone)} is not an Indian mobile number.`;
}
