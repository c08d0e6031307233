"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { KeyIcon } from "lucide-react";
import { useZodForm } from "@/components/forms/use-zod-form";
import { ApiKeyInput } from "@/components/settings/api-key-input";
import { KeyCheckAlert } from "@/components/settings/key-check-alert";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { replaceStoreApiKey, testStoreApiKey } from "@/lib/stores/actions";
import { apiKeyInputSchema } from "@/lib/stores/schemas";
import type { KeyCheckResult } from "@/lib/tribemade/key-check";

const OFFLINE = "We couldn't reach Tribedesk. Check your connection and try again.";

/** The saved key only ever appears masked; a replacement is typed, checked, saved, forgotten. */
export function ApiKeyPanel({ masked }: { masked: string | null }) {
  const router = useRouter();
  const [current, setCurrent] = useState(masked);
  const [check, setCheck] = useState<KeyCheckResult | null>(null);
  const [testing, setTesting] = useState(false);
  const [testError, setTestError] = useState<string | null>(null);
  const [replacing, setReplacing] = useState(masked === null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useZodForm(apiKeyInputSchema, { apiKey: "" });

  async function onTest() {
    setTesting(true);
    setCheck(null);
    setTestError(null);
    const result = await testStoreApiKey().catch(() => null);
    setTesting(false);
    if (!result) setTestError(OFFLINE);
    else if (result.ok) setCheck(result.data);
    else setTestError(result.error.message);
  }

  async function onSave(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!form.validate()) return;
    setSaving(true);
    setSaved(false);
    const result = await replaceStoreApiKey(form.values).catch(() => null);
    setSaving(false);
    if (!result) return form.setFormError(OFFLINE);
    if (!result.ok) return form.showError(result.error);
    setCurrent(result.data.apiKeyMasked);
    setCheck(result.data.keyCheck);
    setReplacing(false);
    setSaved(true);
    form.reset();
    router.refresh();
  }

  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader
          title="TribeMade API key"
          description="Tribedesk reads orders and pushes status changes with this key. It is stored encrypted and never shown in full."
        />
        <CardContent className="grid gap-4">
          {saved ? <Alert tone="success">New key saved. The old one is no longer stored.</Alert> : null}
          <div className="flex flex-wrap items-center gap-3">
            <span className="border-line bg-surface-2 text-fg-muted flex size-9 items-center justify-center rounded-lg border">
              <KeyIcon className="size-4" />
            </span>
            <div className="min-w-0">
              <p className="text-fg font-mono text-sm" data-testid="api-key-masked">
                {current ?? "No key saved"}
              </p>
              <p className="text-fg-muted text-xs">
                {current ? "Only the last four characters are kept visible." : "Add a key to connect TribeMade."}
              </p>
            </div>
            {current ? (
              <Badge
                tone={check?.status === "valid" ? "green" : check?.status === "rejected" ? "red" : "neutral"}
                className="ml-auto"
              >
                {check?.status === "valid" ? "Working" : check?.status === "rejected" ? "Rejected" : "Saved"}
              </Badge>
            ) : null}
          </div>
          {check ? <KeyCheckAlert result={check} /> : null}
          {testError ? <Alert tone="error">{testError}</Alert> : null}
        </CardContent>
        <CardFooter>
          {current ? (
            <Button onClick={onTest} loading={testing}>
              Test key
            </Button>
          ) : null}
          {replacing ? null : (
            <Button variant="primary" onClick={() => setReplacing(true)}>
              Replace key
            </Button>
          )}
        </CardFooter>
      </Card>

      {replacing ? (
        <form onSubmit={onSave} noValidate>
          <Card>
            <CardHeader
              title={current ? "Replace the key" : "Add a key"}
              description="Generating a key in TribeMade → Developer cancels the previous one at once: paste the new key here straight away."
            />
            <CardContent className="grid max-w-xl gap-4">
              {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
              <Field
                id="apiKey"
                label="New API key"
                hint="Looks like tb-a1b2-c3d-e4f5. It is checked with TribeMade before it is saved."
                errors={form.errors.apiKey}
              >
                <ApiKeyInput {...form.input("apiKey", { hint: true })} autoFocus />
              </Field>
            </CardContent>
            <CardFooter>
              {current ? (
                <Button type="button" variant="ghost" onClick={() => setReplacing(false)} disabled={saving}>
                  Cancel
                </Button>
              ) : null}
              <Button type="submit" variant="primary" loading={saving}>
                Check and save
              </Button>
            </CardFooter>
          </Card>
        </form>
      ) : null}
    </div>
  );
}
