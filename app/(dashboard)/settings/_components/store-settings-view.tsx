import { requireMemberPage } from "@/lib/auth/page-guard";
import { getFulfillmentSettings } from "@/lib/fulfillment/queries";
import { getStockSettings } from "@/lib/products/queries";
import { getStoreSettings } from "@/lib/stores/queries";
import { FulfillmentCard } from "./fulfillment-card";
import { StoreDetailsForm } from "./store-details-form";
import { StockSettingsCard } from "./stock-settings-card";
import { StoreRulesCard } from "./store-rules-card";
import { StoreSummary } from "./store-summary";

/** /settings: owners edit the store, staff read it. */
export async function StoreSettingsView() {
  const member = await requireMemberPage("/settings");
  const settings = await getStoreSettings(member);
  if (settings.role !== "owner") return <StoreSummary settings={settings} />;
  const [fulfillment, stock] = await Promise.all([getFulfillmentSettings(member), getStockSettings(member)]);
  return (
    <div className="grid gap-6">
      <StoreDetailsForm
        key={settings.id}
        storeId={settings.id}
        initial={{
          name: settings.name,
          tribemadeStoreId: settings.tribemadeStoreId ?? "",
          fulfillmentUrl: settings.fulfillmentUrl ?? "",
          retentionDays: String(settings.retentionDays),
        }}
      />
      <FulfillmentCard
        key={`fulfillment-${settings.id}`}
        storeId={settings.id}
        url={fulfillment.url}
        secretCreatedAt={fulfillment.secretCreatedAt?.toISOString() ?? null}
      />
      <StoreRulesCard key={`rules-${settings.id}`} storeId={settings.id} autoProcessNewOrders={settings.autoProcessNewOrders} />
      <StockSettingsCard key={`stock-${settings.id}`} storeId={settings.id} initial={stock} />
    </div>
  );
}
