"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { INDIA_STATES } from "@/lib/documents/india-states";
import type { StateNeeded } from "@/lib/documents/schemas";
import { shortId } from "@/lib/format/ids";

/**
 * Asks which state each customer is in when neither TribeMade's address nor the PIN code says
 * (the invoice needs it: CGST + SGST or IGST, and the place of supply).
 */
export function StateDialog({
  orders,
  onCancel,
  onSubmit,
}: {
  orders: StateNeeded[];
  onCancel: () => void;
  onSubmit: (states: Record<string, string>) => void;
}) {
  const [states, setStates] = useState<Record<string, string>>({});
  const complete = orders.every((order) => states[order.orderId]);
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? undefined : onCancel())}
      title="Which state are these customers in?"
      description="Their address does not name a state and the PIN code does not settle it. The invoice needs it to charge CGST + SGST or IGST."
      closeOnBackdrop={false}
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" disabled={!complete} onClick={() => onSubmit(states)}>
            Print invoices
          </Button>
        </>
      }
    >
      <ul className="grid gap-3">
        {orders.map((order) => (
          <li key={order.orderId} className="grid gap-1.5 sm:grid-cols-[1fr_14rem] sm:items-center">
            <label htmlFor={`state-${order.orderId}`} className="text-sm">
              <span className="text-fg font-medium">{order.customerName}</span>
              <span className="text-fg-muted block text-xs">
                Order {shortId(order.tribemadeOrderId)} · PIN {order.pincode}
              </span>
            </label>
            <Select
              id={`state-${order.orderId}`}
              value={states[order.orderId] ?? ""}
              onChange={(event) => setStates((current) => ({ ...current, [order.orderId]: event.target.value }))}
            >
              <option value="">Choose a state</option>
              {INDIA_STATES.map((state) => (
                <option key={state.code} value={state.code}>
                  {state.name}
                </option>
              ))}
            </Select>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
