"use client";

import { useState } from "react";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePassword } from "@/lib/auth/actions";
import { changePasswordSchema } from "@/lib/auth/schemas";

const EMPTY = { currentPassword: "", newPassword: "" };

/** Change password: this browser stays signed in, every other device is signed out. */
export function PasswordForm({ email }: { email: string }) {
  const form = useZodForm(changePasswordSchema, EMPTY);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (!form.validate()) return;
    setPending(true);
    const result = await changePassword(form.values).catch(() => null);
    setPending(false);
    if (!result) form.setFormError("We couldn't reach Tribedesk. Check your connection and try again.");
    else if (!result.ok) form.showError(result.error);
    else {
      form.reset();
      setSaved(true);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card>
        <CardHeader title="Password" description="Changing it signs you out on every other device. This one stays signed in." />
        <CardContent className="grid max-w-xl gap-5">
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
          {saved ? <Alert tone="success">Password changed. Every other device was signed out.</Alert> : null}
          {/* Lets password managers file the new password under the right account. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <Field id="currentPassword" label="Current password" errors={form.errors.currentPassword}>
            <Input {...form.input("currentPassword")} type="password" autoComplete="current-password" />
          </Field>
          <Field
            id="newPassword"
            label="New password"
            hint="At least 10 characters. A short sentence works well."
            errors={form.errors.newPassword}
          >
            <Input {...form.input("newPassword", { hint: true })} type="password" autoComplete="new-password" />
          </Field>
        </CardContent>
        <CardFooter>
          <Button type="submit" variant="primary" loading={pending}>
            Change password
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
