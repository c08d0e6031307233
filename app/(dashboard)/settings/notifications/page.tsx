import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { listMyDevices, myPreferences, notificationSetup } from "@/lib/notifications/queries";
import { DevicesCard } from "./_components/devices-card";
import { PreferencesCard } from "./_components/preferences-card";

export const metadata: Metadata = { title: "Notifications · Settings" };

/** /settings/notifications: this member's devices for push, and what they want to be told, by push or email. */
export default async function NotificationSettingsPage() {
  const member = await requireMemberPage("/settings/notifications");
  const [devices, preferences] = await Promise.all([listMyDevices(member), myPreferences(member)]);
  const setup = notificationSetup();
  return (
    <div className="grid gap-6">
      <DevicesCard key={member.store.id} storeId={member.store.id} vapidPublicKey={setup.vapidPublicKey} devices={devices} />
      <PreferencesCard
        key={`prefs-${member.store.id}`}
        storeId={member.store.id}
        preferences={preferences}
        pushEnabled={setup.vapidPublicKey !== null}
        emailEnabled={setup.email}
      />
    </div>
  );
}
