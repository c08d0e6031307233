import type { ReactNode } from "react";
import { OutboxBanner } from "@/components/outbox/outbox-banner";
import { AppShell } from "@/components/shell/app-shell";
import { IngestFailureBanner } from "@/components/webhooks/ingest-failure-banner";
import { signOut, signOutEverywhere } from "@/lib/auth/actions";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { getOutboxStatus } from "@/lib/outbox/queries";
import { drainSoon } from "@/lib/outbox/wake";
import { selectStore } from "@/lib/stores/actions";

// Every dashboard page renders inside this check: signed out → /login, no store yet →
// /onboarding. Pages still call requireMemberPage() themselves and pass the Member to data functions.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMemberPage();
  // A signed-in page view drains the store's due work after the response (docs/outbox.md).
  drainSoon(member.store.id);
  const outboxStatus = await getOutboxStatus(member);
  return (
    <AppShell
      user={{ name: member.user.name, email: member.user.email }}
      stores={member.memberships.map(({ store }) => ({ id: store.id, name: store.name }))}
      currentStoreId={member.store.id}
      onSelectStore={selectStore}
      onSignOut={signOut}
      onSignOutEverywhere={signOutEverywhere}
    >
      <OutboxBanner key={member.store.id} storeId={member.store.id} initial={outboxStatus} />
      <IngestFailureBanner member={member} />
      {children}
    </AppShell>
  );
}
