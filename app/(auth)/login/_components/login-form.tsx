"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { loginSchema } from "@/lib/auth/schemas";

const WRONG_CREDENTIALS = "That email and password don't match an account. Check both and try again.";

/** next-auth reports "CredentialsSignin" for a wrong pair; any other text is a message of ours. */
function messageFor(error: string): string {
  if (error === "CredentialsSignin") return WRONG_CREDENTIALS;
  if (error.startsWith("Too many attempts") || error.startsWith("Sign-in is unavailable")) return error;
  return "Sign-in didn't work. Reload the page and try again.";
}

export function LoginForm({ callbackPath }: { callbackPath: string }) {
  const form = useZodForm(loginSchema, { email: "", password: "" });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const credentials = form.validate();
    if (!credentials) return;
    setPending(true);
    try {
      const result = await signIn("credentials", { ...credentials, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so every server component renders with the new session cookie.
        window.location.assign(callbackPath);
        return;
      }
      form.setFormError(messageFor(result?.error ?? ""));
    } catch {
      form.setFormError("We couldn't reach Tribedesk. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      <Field id="email" label="Email" errors={form.errors.email}>
        <Input {...form.input("email")} type="email" autoComplete="email" inputMode="email" autoFocus />
      </Field>
      <Field id="password" label="Password" errors={form.errors.password}>
        <Input {...form.input("password")} type="password" autoComplete="current-password" />
      </Field>
      <Button type="submit" variant="primary" size="lg" loading={pending} className="mt-1 w-full">
        Sign in
      </Button>
    </form>
  );
}
