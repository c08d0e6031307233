import type { Metadata } from "next";
import { OwnersOnly } from "@/components/settings/owners-only";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { getStoreSettings } from "@/lib/stores/queries";
import { ApiKeyPanel } from "./_components/api-key-panel";

export const metadata: Metadata = { title: "API key · Settings" };

export default async function ApiKeySettingsPage() {
  const settings = await getStoreSettings(await requireMemberPage("/settings/api-key"));
  if (settings.role !== "owner") return <OwnersOnly what="manage the TribeMade API key" storeName={settings.name} />;
  return <ApiKeyPanel key={settings.id} masked={settings.apiKeyMasked} />;
}
