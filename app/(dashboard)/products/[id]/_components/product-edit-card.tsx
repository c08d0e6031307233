"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult, FieldErrors } from "@/lib/http/action-result";
import { editProduct, setProductStock, undoProductEdit } from "@/lib/products/actions";
import type { ProductDetail } from "@/lib/products/product-page";
import type { EditQueued } from "@/lib/products/schemas";
import { PRODUCT_UNDO_WINDOW_MS } from "@/lib/products/undo-window";

/**
 * Stock, MRP, price and visibility, edited from Tribedesk: each change is queued for TribeMade and
 * leaves after the undo window (the toast's Undo), like a status change. TribeMade's refusals show
 * on the timeline in its words.
 */
export function ProductEditCard({ storeId, product }: { storeId: string; product: ProductDetail }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const disabled = pending || product.goneAt !== null;

  async function submit(label: string, call: () => Promise<ActionResult<EditQueued>>) {
    setPending(true);
    const result = await call().catch(() => null);
    setPending(false);
    if (!result) return void toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    if (!result.ok) {
      setErrors(result.error.fieldErrors ?? {});
      return void toast.error(result.error.message);
    }
    setErrors({});
    const { requestEventId, etaSeconds } = result.data;
    toast.success(`${label}: at TribeMade in about ${etaSeconds} s`, {
      duration: PRODUCT_UNDO_WINDOW_MS,
      action: {
        label: "Undo",
        onClick: () =>
          void undoProductEdit({ storeId, productId: product.id, requestEventId }).then((undo) => {
            if (undo.ok) toast.success("Undone: nothing was sent");
            else toast.error(undo.error.message);
            router.refresh();
          }),
      },
    });
    router.refresh();
  }

  function onStock(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const stock = new FormData(event.currentTarget).get("stock");
    void submit("Stock", () => setProductStock({ storeId, productId: product.id, stock, expectedStock: product.stock }));
  }

  function onPrices(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const price = String(form.get("price") ?? "");
    const currentPrice = String(form.get("currentPrice") ?? "");
    void submit("Prices", () =>
      editProduct({
        storeId,
        productId: product.id,
        ...(price !== "" && price !== product.mrp ? { price } : {}),
        ...(currentPrice !== "" && currentPrice !== product.currentPrice ? { currentPrice } : {}),
      }),
    );
  }

  const hidden = product.isActive === false;
  return (
    <Card>
      <CardHeader
        title="Stock and price"
        description={
          product.stockKeeper === "tribedesk"
            ? `Tribedesk keeps stock. Low at ${product.threshold} or fewer.`
            : `TribeMade keeps stock. Low at ${product.threshold} or fewer.`
        }
        actions={
          <Button
            size="sm"
            variant="secondary"
            disabled={disabled}
            onClick={() =>
              void submit(hidden ? "Show" : "Hide", () => editProduct({ storeId, productId: product.id, isActive: hidden }))
            }
          >
            {hidden ? "Show in store" : "Hide from store"}
          </Button>
        }
      />
      <CardContent className="grid items-start gap-6 sm:grid-cols-2">
        <form onSubmit={onStock} className="flex items-end gap-2">
          <Field id="stock" label="Stock" errors={errors.stock} className="flex-1">
            <Input id="stock" name="stock" type="number" min={0} step={1} defaultValue={product.stock ?? ""} required />
          </Field>
          <Button type="submit" disabled={disabled}>
            Set stock
          </Button>
        </form>
        <form onSubmit={onPrices} className="flex flex-wrap items-end gap-2">
          <Field id="price" label="MRP (₹)" errors={errors.price} className="w-28">
            <Input id="price" name="price" type="number" min={0} step="0.01" defaultValue={product.mrp ?? ""} />
          </Field>
          <Field id="currentPrice" label="Price (₹)" errors={errors.currentPrice} className="w-28">
            <Input
              id="currentPrice"
              name="currentPrice"
              type="number"
              min={0}
              step="0.01"
              defaultValue={product.currentPrice ?? ""}
            />
          </Field>
          <Button type="submit" variant="secondary" disabled={disabled}>
            Save prices
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
