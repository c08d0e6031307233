import type { Metadata } from "next";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/require-member";
import { PasswordForm } from "./_components/password-form";
import { SessionsCard } from "./_components/sessions-card";

export const metadata: Metadata = { title: "Account · Settings" };

// Per person, not per store: every member sees it, owner or staff.
export default async function AccountSettingsPage() {
  const user = await requireUser();
  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader title="Your account" description="You sign in to every store you belong to with this email." />
        <CardContent className="py-1">
          <dl className="divide-line divide-y">
            <div className="grid gap-1 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
              <dt className="text-fg-muted text-sm">Name</dt>
              <dd className="text-fg min-w-0 text-sm break-words">{user.name}</dd>
            </div>
            <div className="grid gap-1 py-3 sm:grid-cols-[12rem_1fr] sm:gap-4">
              <dt className="text-fg-muted text-sm">Email</dt>
              <dd className="text-fg min-w-0 text-sm break-words">{user.email}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <PasswordForm email={user.email} />
      <SessionsCard />
    </div>
  );
}
