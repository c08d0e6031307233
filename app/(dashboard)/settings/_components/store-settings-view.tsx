import { requireMemberPage } from "@/lib/auth/page-guard";
import { getStoreSettings } from "@/lib/stores/queries";
import { StoreDetailsForm } from "./store-details-form";
import { StoreSummary } from "./store-summary";

/** /settings: owners edit the store, staff read it. */
export async function StoreSettingsView() {
  const settings = await getStoreSettings(await requireMemberPage("/settings"));
  if (settings.role !== "owner") return <StoreSummary settings={settings} />;
  return (
    <StoreDetailsForm
      key={settings.id}
      initial={{
        name: settings.name,
        tribemadeStoreId: settings.tribemadeStoreId ?? "",
        fulfillmentUrl: settings.fulfillmentUrl ?? "",
        retentionDays: String(settings.retentionDays),
      }}
    />
  );
}
