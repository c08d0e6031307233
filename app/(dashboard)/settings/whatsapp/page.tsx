import type { Metadata } from "next";
import { OwnersOnly } from "@/components/settings/owners-only";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { getStoreTemplates } from "@/lib/orders/whatsapp/queries";
import { WhatsappTemplatesView } from "./_components/whatsapp-templates-view";

export const metadata: Metadata = { title: "WhatsApp · Settings" };

/** /settings/whatsapp: the store's wording of the messages the order page's WhatsApp button types in (owners). */
export default async function WhatsappSettingsPage() {
  const member = await requireMemberPage("/settings/whatsapp");
  if (member.role !== "owner") return <OwnersOnly what="change the WhatsApp messages" storeName={member.store.name} />;
  const templates = await getStoreTemplates(member);
  return (
    <WhatsappTemplatesView key={member.store.id} storeId={member.store.id} storeName={member.store.name} templates={templates} />
  );
}
