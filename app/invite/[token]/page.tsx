import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { AuthFrame } from "@/components/auth/auth-frame";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Button } from "@/components/ui/button";
import { currentUser, listMyMemberships } from "@/lib/auth/require-member";
import { getInvitePreview } from "@/lib/stores/queries";
import { AcceptInvite } from "./_components/accept-invite";

export const metadata: Metadata = { title: "Team invite", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

const DEAD = {
  expired: { title: "This invite has expired", body: "Invite links work for 7 days." },
  used: { title: "This invite was already used", body: "Each invite link works once." },
  revoked: { title: "This invite was revoked", body: "The store's owner cancelled it." },
} as const;

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const preview = await getInvitePreview(token);
  // A valid cookie of a deleted user counts as signed out (no redirect loop with /login).
  const user = await currentUser();
  const here = `/invite/${encodeURIComponent(token)}`;

  const alreadyMember =
    user &&
    preview.status !== "unknown" &&
    (await listMyMemberships()).some((membership) => membership.store.id === preview.storeId);

  let content;
  if (preview.status === "unknown") {
    content = (
      <AuthCard
        title="This invite link isn't valid"
        description="Check that you copied the whole link, or ask the store's owner for a new one."
      >
        <Button href={user ? "/orders" : "/login"} className="w-full" size="lg">
          {user ? "Go to the dashboard" : "Sign in"}
        </Button>
      </AuthCard>
    );
  } else if (user && alreadyMember) {
    content = (
      <AuthCard
        title={`You're already in ${preview.storeName}`}
        description={preview.status === "valid" ? "This invite is meant for someone else; it stays unused." : undefined}
      >
        <Button href="/orders" variant="primary" size="lg" className="w-full">
          Go to the dashboard
        </Button>
      </AuthCard>
    );
  } else if (preview.status !== "valid") {
    const dead = DEAD[preview.status];
    content = (
      <AuthCard title={dead.title} description={`${dead.body} Ask an owner of ${preview.storeName} for a new invite link.`}>
        <Button href={user ? "/orders" : "/login"} className="w-full" size="lg">
          {user ? "Go to the dashboard" : "Sign in"}
        </Button>
      </AuthCard>
    );
  } else if (!user) {
    content = (
      <AuthCard
        title={`Join ${preview.storeName} on Tribedesk`}
        description={`You've been invited as ${preview.role === "owner" ? "an owner" : "staff"}. Create an account, or sign in if you already have one.`}
      >
        <div className="grid gap-2">
          <Button href={`/signup?callbackUrl=${encodeURIComponent(here)}`} variant="primary" size="lg" className="w-full">
            Create an account
          </Button>
          <Button href={`/login?callbackUrl=${encodeURIComponent(here)}`} size="lg" className="w-full">
            I have an account — sign in
          </Button>
        </div>
      </AuthCard>
    );
  } else {
    content = (
      <AuthCard
        title={`Join ${preview.storeName}`}
        description={
          preview.role === "owner"
            ? "You'll join as an owner: full access, including the API key and the team."
            : "You'll join as staff: you can work orders; owners manage the API key, webhooks and team."
        }
        footer={
          <span className="inline-flex flex-wrap items-center justify-center gap-1">
            Signed in as {user.email}. Not you? <SignOutButton variant="link" />
          </span>
        }
      >
        <AcceptInvite token={token} storeName={preview.storeName} />
      </AuthCard>
    );
  }
  return <AuthFrame>{content}</AuthFrame>;
}
