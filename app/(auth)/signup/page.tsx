import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { currentUser } from "@/lib/auth/require-member";
import { signupDestination } from "@/lib/auth/schemas";
import { getInvitePreview } from "@/lib/stores/queries";
import { SignupForm } from "./_components/signup-form";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignupPage({ searchParams }: Props) {
  const params = await searchParams;
  // Coming from an invite link, the new account goes back there to join; otherwise to onboarding.
  const { next, inviteToken } = signupDestination(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await currentUser()) redirect(next);
  const invite = inviteToken ? await getInvitePreview(inviteToken) : null;
  const loginHref = next === "/onboarding" ? "/login" : `/login?callbackUrl=${encodeURIComponent(next)}`;

  return (
    <AuthCard
      title="Create your account"
      description={invite?.status === "valid" ? undefined : "Then connect your TribeMade store in two minutes."}
      footer={
        <>
          Already have an account?{" "}
          <Link href={loginHref} className="text-accent-text font-medium hover:underline">
            Sign in
          </Link>
        </>
      }
    >
      {invite?.status === "valid" ? (
        <Alert tone="info" className="mb-5">
          You&apos;re joining <strong className="font-semibold">{invite.storeName}</strong> as {invite.role}. Create your account
          first.
        </Alert>
      ) : null}
      <SignupForm next={next} />
    </AuthCard>
  );
}
