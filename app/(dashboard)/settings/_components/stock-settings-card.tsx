"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import type { FieldErrors } from "@/lib/http/action-result";
import { saveStockSettings } from "@/lib/products/actions";

type Settings = { stockKeeper: "tribemade" | "tribedesk"; lowStockThreshold: number; hideAtZero: boolean };

const KEEPERS = [
  {
    value: "tribemade",
    label: "TribeMade keeps stock",
    hint: "Tribedesk reads stock from TribeMade and never changes it on its own. Choose this if TribeMade's stock goes down when an order is paid.",
  },
  {
    value: "tribedesk",
    label: "Tribedesk keeps stock",
    hint: "Each order TribeMade confirms lowers its product's stock at TribeMade; a cancellation raises it again. Choose this only if TribeMade's stock does not move by itself, or stock would go down twice.",
  },
] as const;

/** Who keeps stock, the low-stock threshold, and the "hide at 0" rule (owners; docs/decisions.md). */
export function StockSettingsCard({ storeId, initial }: { storeId: string; initial: Settings }) {
  const [keeper, setKeeper] = useState(initial.stockKeeper);
  const [hideAtZero, setHideAtZero] = useState(initial.hideAtZero);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const lowStockThreshold = new FormData(event.currentTarget).get("lowStockThreshold");
    setPending(true);
    const result = await saveStockSettings({ storeId, stockKeeper: keeper, lowStockThreshold, hideAtZero }).catch(() => null);
    setPending(false);
    if (!result) return void toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      return void toast.error(result.error.message);
    }
    setErrors({});
    toast.success("Stock settings saved");
  }

  return (
    <Card>
      <CardHeader title="Stock" description="Who keeps your products' stock right, and when a product counts as low." />
      <CardContent>
        <form onSubmit={(event) => void onSubmit(event)} className="space-y-5">
          <fieldset className="space-y-2">
            <legend className="text-fg mb-1 text-sm font-medium">Who keeps stock</legend>
            {KEEPERS.map((option) => (
              <label key={option.value} className="border-line flex cursor-pointer gap-3 rounded-md border p-3 text-sm">
                <input
                  type="radio"
                  name="stockKeeper"
                  value={option.value}
                  checked={keeper === option.value}
                  onChange={() => setKeeper(option.value)}
                  className="mt-0.5"
                />
                <span>
                  <span className="text-fg block font-medium">{option.label}</span>
                  <span className="text-fg-muted block">{option.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <Field
            id="lowStockThreshold"
            label="Low stock at"
            hint="Units or fewer; one alert per product when it gets there."
            errors={errors.lowStockThreshold}
          >
            <Input
              id="lowStockThreshold"
              name="lowStockThreshold"
              type="number"
              min={0}
              step={1}
              defaultValue={initial.lowStockThreshold}
              className="w-28"
            />
          </Field>
          <Switch
            checked={hideAtZero}
            onCheckedChange={setHideAtZero}
            label="Hide at 0"
            description="A product whose stock reaches 0 is hidden at TribeMade, and shown again when it is restocked."
          />
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save stock settings"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
