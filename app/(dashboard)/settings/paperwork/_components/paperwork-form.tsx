"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useZodForm } from "@/components/forms/use-zod-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardFooter, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { saveDocumentSettings } from "@/lib/documents/actions";
import { invoiceNumber } from "@/lib/documents/financial-year";
import { checkGstin } from "@/lib/documents/gstin";
import { INDIA_STATES } from "@/lib/documents/india-states";
import { documentSettingsSchema } from "@/lib/documents/schemas";
import { GstRateOptions } from "./gst-rate-options";

type Values = {
  senderName: string;
  senderAddress: string;
  senderPincode: string;
  senderPhone: string;
  legalName: string;
  gstin: string;
  registeredAddress: string;
  stateCode: string;
  invoicePrefix: string;
  defaultHsn: string;
  defaultGstRate: string;
};

/** The return address printed on labels and the GST details printed on invoices. */
export function PaperworkForm({ storeId, storeName, initial }: { storeId: string; storeName: string; initial: Values }) {
  const router = useRouter();
  const form = useZodForm(documentSettingsSchema, initial);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const gstin = checkGstin(form.values.gstin);
  const registered = form.values.gstin.trim() !== "";

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    if (!form.validate()) return;
    setPending(true);
    const result = await saveDocumentSettings({ ...form.values, storeId }).catch(() => null);
    setPending(false);
    if (!result) form.setFormError("We couldn't reach Tribedesk. Check your connection and try again.");
    else if (!result.ok) form.showError(result.error);
    else {
      setSaved(true);
      router.refresh();
    }
  }

  const sample = invoiceNumber(form.values.invoicePrefix.trim().toUpperCase() || "INV", "2026-27", 1);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Paperwork settings">
      <Card>
        <CardHeader title="Paperwork" description="What Tribedesk prints on shipping labels, packing slips and invoices." />
        <CardContent className="grid gap-8">
          {form.formError ? <Alert tone="error">{form.formError}</Alert> : null}
          {saved ? <Alert tone="success">Saved. New labels and invoices use these details.</Alert> : null}

          <fieldset className="grid max-w-xl gap-5">
            <legend className="text-fg mb-1 text-sm font-semibold">Return address on labels</legend>
            <Field id="senderName" label="Sender name" optional hint={`Empty: ${storeName}.`} errors={form.errors.senderName}>
              <Input {...form.input("senderName", { hint: true })} autoComplete="organization" />
            </Field>
            <Field id="senderAddress" label="Address" errors={form.errors.senderAddress}>
              <Textarea {...form.input("senderAddress")} rows={3} autoComplete="street-address" />
            </Field>
            <div className="grid gap-5 sm:grid-cols-2">
              <Field id="senderPincode" label="PIN code" errors={form.errors.senderPincode}>
                <Input {...form.input("senderPincode")} inputMode="numeric" autoComplete="postal-code" maxLength={6} />
              </Field>
              <Field id="senderPhone" label="Phone" errors={form.errors.senderPhone}>
                <Input {...form.input("senderPhone")} type="tel" autoComplete="tel" />
              </Field>
            </div>
          </fieldset>

          <fieldset className="grid max-w-xl gap-5">
            <legend className="text-fg mb-1 text-sm font-semibold">GST and invoices</legend>
            <Field
              id="gstin"
              label="GSTIN"
              optional
              hint={
                registered
                  ? gstin.ok
                    ? "Valid: invoices are tax invoices with CGST + SGST or IGST."
                    : "15 characters, checked as you type."
                  : "Empty: not registered for GST. Invoices are printed as bills of supply, with no tax."
              }
              errors={form.errors.gstin}
            >
              <Input
                {...form.input("gstin", { hint: true })}
                className="font-mono uppercase"
                spellCheck={false}
                autoComplete="off"
                maxLength={15}
              />
            </Field>
            <Field
              id="legalName"
              label="Legal name"
              optional
              hint={`As registered. Empty: ${storeName}.`}
              errors={form.errors.legalName}
            >
              <Input {...form.input("legalName", { hint: true })} autoComplete="organization" />
            </Field>
            <Field
              id="registeredAddress"
              label="Registered address"
              optional={!registered}
              hint="Printed on invoices. Empty: the return address."
              errors={form.errors.registeredAddress}
            >
              <Textarea {...form.input("registeredAddress", { hint: true })} rows={3} />
            </Field>
            <Field
              id="stateCode"
              label="State"
              optional={!registered}
              hint="Customers in this state pay CGST + SGST; elsewhere IGST."
              errors={form.errors.stateCode}
            >
              {/* A GSTIN names its state: shown here at once, and saved as such (lib/documents/mutations.ts). */}
              <Select
                {...form.input("stateCode", { hint: true })}
                value={form.values.stateCode || (gstin.ok ? gstin.stateCode : "")}
              >
                <option value="">Choose a state</option>
                {INDIA_STATES.map((state) => (
                  <option key={state.code} value={state.code}>
                    {state.name} ({state.code})
                  </option>
                ))}
              </Select>
            </Field>
            <div className="grid gap-5 sm:grid-cols-3">
              <Field
                id="invoicePrefix"
                label="Invoice prefix"
                hint={sample ? `First number: ${sample}` : undefined}
                errors={form.errors.invoicePrefix}
              >
                <Input
                  {...form.input("invoicePrefix", { hint: true })}
                  className="font-mono uppercase"
                  maxLength={5}
                  autoComplete="off"
                />
              </Field>
              <Field id="defaultHsn" label="Default HSN" optional errors={form.errors.defaultHsn}>
                <Input {...form.input("defaultHsn")} inputMode="numeric" maxLength={8} className="font-mono" />
              </Field>
              <Field id="defaultGstRate" label="Default GST rate" errors={form.errors.defaultGstRate}>
                <Select {...form.input("defaultGstRate")}>
                  <GstRateOptions />
                </Select>
              </Field>
            </div>
            <p className="text-fg-muted text-xs">
              Prices are taken as GST-inclusive, as TribeMade charges them. Numbers restart each April and never repeat or skip.
            </p>
          </fieldset>
        </CardContent>
        <CardFooter>
          <Button type="submit" variant="primary" loading={pending}>
            Save paperwork
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
