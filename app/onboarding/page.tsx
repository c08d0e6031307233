import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { requireUserPage } from "@/lib/auth/page-guard";
import { listMyMemberships } from "@/lib/auth/require-member";
import { OnboardingWizard } from "./_components/onboarding-wizard";

export const metadata: Metadata = { title: "Connect your store" };

export default async function OnboardingPage() {
  const user = await requireUserPage("/onboarding");
  const memberships = await listMyMemberships();
  const firstStore = memberships.length === 0;
  return (
    <AuthFrame wide>
      <OnboardingWizard firstName={user.name.split(" ")[0] ?? user.name} firstStore={firstStore} />
    </AuthFrame>
  );
}
