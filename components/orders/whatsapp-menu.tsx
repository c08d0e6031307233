"use client";

import { ChevronDownIcon, MessageCircleIcon } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { indianMobile } from "@/lib/format/phone";
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

export type WhatsappMenuProps = {
  orderId: string;
  facts: WhatsappFacts;
  /** The store's own wording (Settings → WhatsApp), null where it uses the default. */
  templates: StoreTemplates;
  size?: "sm" | "md";
};

/** "WhatsApp ▾": opens a chat with the customer with the store's message for this step typed in. */
export function WhatsappMenu({ orderId, facts, templates, size = "md" }: WhatsappMenuProps) {
  const mobile = indianMobile(facts.customerPhone) !== null;

  function open(kind: WhatsappKind, language: WhatsappLanguage) {
    const link = whatsappMessageLink(kind, language, facts, templates);
    if (!link) return;
    window.open(link, "_blank", "noopener,noreferrer");
    void noteWhatsapp({ orderId, kind, language })
      .then((result) => {
        if (!result.ok) toast.error(result.error.message);
      })
      .catch(() => toast.error("The chat opened, but the order's timeline could not note it."));
  }

  if (!mobile) {
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
        {WHATSAPP_LANGUAGES.map((language, index) => (
          <DropdownMenuGroup key={language}>
            {index > 0 ? <DropdownMenuSeparator /> : null}
            <DropdownMenuLabel lang={language}>{LANGUAGE_LABEL[language]}</DropdownMenuLabel>
            {WHATSAPP_KINDS.map((kind) => (
              <DropdownMenuItem key={kind} onSelect={() => open(kind, language)}>
                {KIND_LABEL[kind]}
              </DropdownMenuItem>
            ))}
          </DropdownMenuGroup>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
