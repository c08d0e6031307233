import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { IngestFailureBanner } from "@/components/webhooks/ingest-failure-banner";
import { signOut } from "@/lib/auth/actions";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { selectStore } from "@/lib/stores/actions";

// Every dashboard page renders inside this check: signed out → /login, no store yet →
// /onboarding. Pages still call requireMemberPage() themselves and pass the Member to data functions.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const member = await requireMemberPage();
  return (
    <AppShell
      user={{ name: member.user.name, email: member.user.email }}
      stores={member.memberships.map(({ store }) => ({ id: store.id, name: store.name }))}
      currentStoreId={member.store.id}
      onSelectStore={selectStore}
      onSignOut={signOut}
    >
      <IngestFailureBanner member={member} />
      {children}
    </AppShell>
  );
}
