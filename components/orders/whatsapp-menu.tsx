"use client";

import { ChevronDownIcon, MessageCircleIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { indianMobile } from "@/lib/format/phone";
import type { StoreTemplates, WhatsappFacts } from "@/lib/orders/whatsapp/templates";
import { WhatsappMenuItems } from "@/components/orders/whatsapp-menu-items";

export type WhatsappMenuProps = {
  storeId: string;
  orderId: string;
  facts: WhatsappFacts;
  /** The store's own wording (Settings → WhatsApp), null where it uses the default. */
  templates: StoreTemplates;
  size?: "sm" | "md";
};

/** "WhatsApp ▾" on the order page: opens a chat with the customer with the store's message for this step typed in. */
export function WhatsappMenu({ storeId, orderId, facts, templates, size = "md" }: WhatsappMenuProps) {
  if (indianMobile(facts.customerPhone) === null) {
    return (
      <Button
        size={size}
        leadingIcon={<MessageCircleIcon />}
        disabled
        title="The customer's number is not an Indian mobile number"
      >
        WhatsApp
      </Button>
    );
  }
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button size={size} leadingIcon={<MessageCircleIcon />} trailingIcon={<ChevronDownIcon />}>
          WhatsApp
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-64">
        <WhatsappMenuItems storeId={storeId} orderId={orderId} facts={facts} templates={templates} />
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
