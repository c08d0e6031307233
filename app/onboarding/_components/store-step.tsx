"use client";

import { useState } from "react";
import { useZodForm } from "@/components/forms/use-zod-form";
import { ApiKeyInput } from "@/components/settings/api-key-input";
import { KeyCheckAlert } from "@/components/settings/key-check-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { createStore, testApiKey, type OnboardedStore } from "@/lib/stores/actions";
import { apiKeyInputSchema, createStoreSchema } from "@/lib/stores/schemas";
import type { KeyCheckResult } from "@/lib/tribemade/key-check";

export function StoreStep({ onCreated }: { onCreated: (store: OnboardedStore) => void }) {
  const form = useZodForm(createStoreSchema, { name: "", apiKey: "", tribemadeStoreId: "" });
  const [creating, setCreating] = useState(false);
  const [testing, setTesting] = useState(false);
  const [check, setCheck] = useState<{ key: string; result: KeyCheckResult } | null>(null);

  async function onTest() {
    const parsed = apiKeyInputSchema.safeParse({ apiKey: form.values.apiKey });
    if (!parsed.success) {
      form.showError({ code: "validation_failed", message: "", fieldErrors: { apiKey: parsed.error.issues[0]?.message } });
      return;
    }
    setTesting(true);
    setCheck(null);
    const result = await testApiKey(parsed.data).catch(() => null);
    setTesting(false);
    if (!result) form.setFormError("We couldn't reach Tribedesk. Check your connection and try again.");
    else if (result.ok) setCheck({ key: parsed.data.apiKey, result: result.data });
    else form.showError(result.error);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.validate()) return;
    setCreating(true);
    const result = await createStore(form.values).catch(() => null);
    if (result?.ok) {
      onCreated(result.data);
      return;
    }
    setCreating(false);
    if (!result) form.setFormError("We couldn't reach Tribedesk. Check your connection and try again.");
    else form.showError(result.error);
  }

  // A result belongs to the key it tested; editing the key hides it.
  const shownCheck = check && check.key === form.values.apiKey.trim() ? check.result : null;

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5">
      {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
      <Field id="name" label="Store name" hint="How your team will see it in Tribedesk." errors={form.errors.name}>
        <Input {...form.input("name", { hint: true })} autoComplete="organization" placeholder="e.g. Masala Threads" autoFocus />
      </Field>
      <Field
        id="apiKey"
        label="TribeMade API key"
        hint={
          <>
            In TribeMade: your store → <strong className="text-fg-muted font-medium">Developer</strong> →{" "}
            <strong className="text-fg-muted font-medium">Generate API Key</strong>. It looks like tb-a1b2-c3d-e4f5.
          </>
        }
        errors={form.errors.apiKey}
      >
        <div className="flex gap-2">
          <ApiKeyInput {...form.input("apiKey", { hint: true })} />
          <Button type="button" onClick={onTest} loading={testing} disabled={creating}>
            Test key
          </Button>
        </div>
      </Field>
      {shownCheck ? <KeyCheckAlert result={shownCheck} /> : null}
      <Field
        id="tribemadeStoreId"
        label="TribeMade store id"
        optional
        hint="A UUID from your TribeMade store's URL or settings. Leave it empty and Tribedesk learns it from the first order."
        errors={form.errors.tribemadeStoreId}
      >
        <Input
          {...form.input("tribemadeStoreId", { hint: true })}
          className="font-mono"
          autoComplete="off"
          spellCheck={false}
          placeholder="770e8400-e29b-41d4-a716-446655440789"
        />
      </Field>
      <p className="text-fg-subtle text-xs">
        Your API key is encrypted before it is stored and is never shown again in full — only its last four characters.
      </p>
      <div className="flex justify-end">
        <Button type="submit" variant="primary" size="lg" loading={creating} disabled={testing}>
          Create store
        </Button>
      </div>
    </form>
  );
}
