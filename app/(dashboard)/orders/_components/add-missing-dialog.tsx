"use client";

import Link from "next/link";
import { useEffect, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldDescribedBy } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { addMissingOrders, getMissingOrdersProgress } from "@/lib/orders/missing/actions";
import { MAX_MISSING_IDS, type MissingOrdersDto } from "@/lib/orders/missing/schemas";
import { MissingResults } from "./missing-results";

const OFFLINE = "We couldn't reach Tribedesk. Check your connection and try again.";
/** While ids wait for TribeMade, the dialog asks how they are doing this often. */
const POLL_MS = 1_500;

/**
 * "Add missing orders": paste TribeMade order ids (one per line); each the desk does not have is read
 * from TribeMade and added, marked as added by the member. For orders whose webhook was refused or
 * lost (the banner on this page says when).
 */
export function AddMissingDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [progress, setProgress] = useState<MissingOrdersDto | null>(null);
  const waiting = progress?.results.some((result) => result.state === "queued") ?? false;

  useEffect(() => {
    if (!progress || !waiting) return;
    const timer = setTimeout(() => {
      void getMissingOrdersProgress({ requestId: progress.requestId })
        .then((result) => (result.ok ? setProgress(result.data) : setError(result.error.message)))
        .catch(() => setError(OFFLINE));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [progress, waiting]);

  function close(next: boolean) {
    if (next) return onOpenChange(true);
    onOpenChange(false);
    setText("");
    setError(null);
    setFieldError(null);
    setProgress(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    setFieldError(null);
    const result = await addMissingOrders({ text }).catch(() => null);
    setPending(false);
    if (!result) return setError(OFFLINE);
    if (!result.ok) {
      setFieldError(result.error.fieldErrors?.text ?? null);
      if (!result.error.fieldErrors?.text) setError(result.error.message);
      return;
    }
    setProgress(result.data);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={close}
      closeOnBackdrop={false}
      size="lg"
      title="Add missing orders"
      description="Paste TribeMade order ids, one per line, from your TribeMade dashboard. Tribedesk reads each from TribeMade with your store's API key and adds the ones it does not have yet."
      footer={
        progress ? (
          <>
            <Button onClick={() => setProgress(null)}>Add more</Button>
            <Button variant="primary" onClick={() => close(false)}>
              Done
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => close(false)}>Cancel</Button>
            <Button variant="primary" type="submit" form="add-missing-orders" loading={pending}>
              Add orders
            </Button>
          </>
        )
      }
    >
      <div className="grid gap-4">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {progress ? (
          <MissingResults results={progress.results} waiting={waiting} />
        ) : (
          <form id="add-missing-orders" onSubmit={submit} noValidate>
            <Field
              id="missing-order-ids"
              label="Order ids"
              hint={`Up to ${MAX_MISSING_IDS} at once. Ids the desk already has are shown with a link instead.`}
              errors={fieldError}
            >
              <Textarea
                id="missing-order-ids"
                name="text"
                rows={8}
                value={text}
                onChange={(event) => setText(event.target.value)}
                placeholder={"3f1c9a52-6d7e-4b8a-9c0d-1e2f3a4b5c6d\n…"}
                className="font-mono text-xs"
                invalid={!!fieldError}
                aria-describedby={fieldDescribedBy("missing-order-ids", { hint: true, errors: fieldError })}
                spellCheck={false}
              />
            </Field>
          </form>
        )}
        {progress && !waiting ? (
          <p className="text-fg-muted text-sm">
            Added orders are on the{" "}
            <Link href="/orders" className="text-fg underline underline-offset-4">
              Orders
            </Link>{" "}
            page, marked “added by” you.
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
