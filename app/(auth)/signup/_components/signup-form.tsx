"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { signUp } from "@/lib/auth/actions";
import { signUpSchema } from "@/lib/auth/schemas";

export function SignupForm({ next }: { next: string }) {
  const form = useZodForm(signUpSchema, { name: "", email: "", password: "" });
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = form.validate();
    if (!input) return;
    setPending(true);
    try {
      const created = await signUp(form.values);
      if (!created.ok) {
        form.showError(created.error);
        setPending(false);
        return;
      }
      const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
      // The account exists either way; if the automatic sign-in failed, the sign-in page finishes it.
      window.location.assign(signedIn?.ok && !signedIn.error ? next : `/login?callbackUrl=${encodeURIComponent(next)}`);
    } catch {
      form.setFormError("We couldn't reach Tribedesk. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      <Field id="name" label="Your name" errors={form.errors.name}>
        <Input {...form.input("name")} autoComplete="name" autoFocus />
      </Field>
      <Field id="email" label="Email" errors={form.errors.email}>
        <Input {...form.input("email")} type="email" autoComplete="email" inputMode="email" />
      </Field>
      <Field
        id="password"
        label="Password"
        hint="At least 10 characters. A short sentence works well."
        errors={form.errors.password}
      >
        <Input {...form.input("password", { hint: true })} type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" variant="primary" size="lg" loading={pending} className="mt-1 w-full">
        Create account
      </Button>
    </form>
  );
}
