import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { currentUser } from "@/lib/auth/require-member";
import { safeCallbackPath } from "@/lib/auth/schemas";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackPath = safeCallbackPath(typeof params.callbackUrl === "string" ? params.callbackUrl : null);
  if (await currentUser()) redirect(callbackPath);
  const signupHref = callbackPath.startsWith("/invite/") ? `/signup?callbackUrl=${encodeURIComponent(callbackPath)}` : "/signup";
  return (
    <AuthCard
      title="Sign in to Tribedesk"
      description="Your TribeMade orders, live."
      footer={
        <>
          New here?{" "}
          <Link href={signupHref} className="text-accent-text font-medium hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm callbackPath={callbackPath} />
    </AuthCard>
  );
}
