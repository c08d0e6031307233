import type { Metadata } from "next";
import { StoreSettingsView } from "./_components/store-settings-view";

export const metadata: Metadata = { title: "Settings" };

// The settings layout draws the page header and section tabs; this is the "Store" section.
export default function SettingsPage() {
  return <StoreSettingsView />;
}
