"use client";

import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { DropdownMenuGroup, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator } from "@/components/ui/dropdown-menu";
import { orderKeys } from "@/lib/orders/keys";
import { noteWhatsapp } from "@/lib/orders/whatsapp/actions";
import {
  KIND_LABEL,
  LANGUAGE_LABEL,
  WHATSAPP_KINDS,
  WHATSAPP_LANGUAGES,
  whatsappMessageLink,
  type StoreTemplates,
  type WhatsappFacts,
  type WhatsappKind,
  type WhatsappLanguage,
} from "@/lib/orders/whatsapp/templates";

export type WhatsappMenuItemsProps = {
  storeId: string;
  orderId: string;
  facts: WhatsappFacts;
  /** The store's own wording (Settings → WhatsApp), null where it uses the default. */
  templates: StoreTemplates;
};

/**
 * The messages of the WhatsApp menu, per language and step; choosing one opens the chat with it
 * typed in and notes it on the order's timeline. Shared by the order page's button and the feed's
 * row action. `window.open` runs inside the item's own click: after an await, popup blockers refuse it.
 */
export function WhatsappMenuItems({ storeId, orderId, facts, templates }: WhatsappMenuItemsProps) {
  const queryClient = useQueryClient();

  function open(kind: WhatsappKind, language: WhatsappLanguage) {
    const link = whatsappMessageLink(kind, language, facts, templates);
    if (!link) return;
    window.open(link, "_blank", "noopener,noreferrer");
    void noteWhatsapp({ orderId, kind, language })
      .then((result) => {
        if (!result.ok) toast.error(result.error.message);
        else void queryClient.invalidateQueries({ queryKey: orderKeys.detail(storeId, orderId) });
      })
      .catch(() => toast.error("The chat opened, but the order's timeline could not note it."));
  }

  return WHATSAPP_LANGUAGES.map((language, index) => (
    <DropdownMenuGroup key={language}>
      {index > 0 ? <DropdownMenuSeparator /> : null}
      <DropdownMenuLabel lang={language}>{LANGUAGE_LABEL[language]}</DropdownMenuLabel>
      {WHATSAPP_KINDS.map((kind) => (
        <DropdownMenuItem key={kind} onSelect={() => open(kind, language)}>
          {KIND_LABEL[kind]}
        </DropdownMenuItem>
      ))}
    </DropdownMenuGroup>
  ));
}
