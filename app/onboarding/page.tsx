import type { Metadata } from "next";
import { AuthFrame } from "@/components/auth/auth-frame";
import { Button } from "@/components/ui/button";
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
      <div className="mb-6">
        <h1 className="text-xl font-semibold tracking-tight text-fg">
          {firstStore ? `Welcome, ${user.name.split(" ")[0]}` : "Add another store"}
        </h1>
        <p className="mt-1 text-sm text-fg-muted">
          Connect a TribeMade store: Tribedesk reads and updates its orders with your API key, and TribeMade sends
          every new order to a private webhook address.
        </p>
      </div>
      <OnboardingWizard />
      {firstStore ? null : (
        <div className="mt-4 text-center">
          <Button href="/orders" variant="ghost" size="sm">
            Back to the dashboard
          </Button>
        </div>
      )}
    </AuthFrame>
  );
}
