import type { Metadata } from "next";
import { OwnersOnly } from "@/components/settings/owners-only";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { getDocumentSettings, listProductTaxes } from "@/lib/documents/queries";
import { PaperworkForm } from "./_components/paperwork-form";
import { ProductTaxesCard } from "./_components/product-taxes-card";

export const metadata: Metadata = { title: "Paperwork · Settings" };

/** /settings/paperwork: the return address on labels and the GST details on invoices (owners). */
export default async function PaperworkSettingsPage() {
  const member = await requireMemberPage("/settings/paperwork");
  if (member.role !== "owner") return <OwnersOnly what="change the paperwork settings" storeName={member.store.name} />;
  const [settings, products] = await Promise.all([getDocumentSettings(member), listProductTaxes(member)]);
  return (
    <div className="grid gap-6">
      <PaperworkForm
        key={member.store.id}
        storeId={member.store.id}
        storeName={member.store.name}
        initial={{ ...settings, gstin: settings.gstin ?? "", stateCode: settings.stateCode ?? "" }}
      />
      <ProductTaxesCard
        key={`products-${member.store.id}`}
        storeId={member.store.id}
        products={products}
        defaults={{ hsn: settings.defaultHsn, gstRate: settings.defaultGstRate }}
      />
    </div>
  );
}
