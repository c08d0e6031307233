"use client";

import { usePathname } from "next/navigation";
import { TabLinks } from "@/components/ui/tab-links";

const TABS = [
  { href: "/settings", label: "Store" },
  { href: "/settings/api-key", label: "API key" },
  { href: "/settings/team", label: "Team" },
  { href: "/settings/paperwork", label: "Paperwork" },
  { href: "/settings/whatsapp", label: "WhatsApp" },
  { href: "/settings/notifications", label: "Notifications" },
  { href: "/settings/account", label: "Account" },
] as const;

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <TabLinks
      aria-label="Settings sections"
      links={TABS.map((tab) => ({ href: tab.href, label: tab.label, active: pathname === tab.href }))}
    />
  );
}
