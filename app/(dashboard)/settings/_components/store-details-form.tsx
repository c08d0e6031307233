"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateStoreDetails } from "@/lib/stores/actions";
import { storeDetailsSchema } from "@/lib/stores/schemas";

export type StoreDetailsInitial = { name: string; tribemadeStoreId: string; fulfillmentUrl: string; retentionDays: string };

export function StoreDetailsForm({ initial }: { initial: StoreDetailsInitial }) {
  const router = useRouter();
  const form = useZodForm(storeDetailsSchema, initial);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (!form.validate()) return;
    setPending(true);
    const result = await updateStoreDetails(form.values).catch(() => null);
    setPending(false);
    if (!result) form.setFormError("We couldn't reach Tribedesk. Check your connection and try again.");
    else if (!result.ok) form.showError(result.error);
    else {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card>
        <CardHeader title="Store" description="What Tribedesk knows about this TribeMade store." />
        <CardContent className="grid max-w-xl gap-5">
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
          {saved ? <Alert tone="success">Saved.</Alert> : null}
          <Field id="name" label="Store name" errors={form.errors.name}>
            <Input {...form.input("name")} autoComplete="organization" />
          </Field>
          <Field
            id="tribemadeStoreId"
            label="TribeMade store id"
            optional
            hint="Webhooks naming a different store are refused. Empty: learned from the first order."
            errors={form.errors.tribemadeStoreId}
          >
            <Input
              {...form.input("tribemadeStoreId", { hint: true })}
              className="font-mono"
              spellCheck={false}
              autoComplete="off"
            />
          </Field>
          <Field
            id="fulfillmentUrl"
            label="Fulfillment URL"
            optional
            hint="Your own system's https address: every accepted order is forwarded there."
            errors={form.errors.fulfillmentUrl}
          >
            <Input
              {...form.input("fulfillmentUrl", { hint: true })}
              type="url"
              inputMode="url"
              placeholder="https://"
              autoComplete="off"
            />
          </Field>
          <Field
            id="retentionDays"
            label="Keep raw webhook payloads for"
            hint="1 to 365 days. Older payloads are deleted; the orders themselves stay."
            errors={form.errors.retentionDays}
          >
            <div className="flex items-center gap-2">
              <div className="w-24">
                <Input {...form.input("retentionDays", { hint: true })} type="number" inputMode="numeric" min={1} max={365} />
              </div>
              <span className="text-fg-muted text-sm">days</span>
            </div>
          </Field>
        </CardContent>
        <CardFooter>
          <Button type="submit" variant="primary" loading={pending}>
            Save changes
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
