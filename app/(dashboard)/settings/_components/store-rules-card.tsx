"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { setAutoProcessNewOrders } from "@/lib/orders/actions";

/** Store rules (owners): what Tribedesk does with new orders by itself. */
export function StoreRulesCard({ storeId, autoProcessNewOrders }: { storeId: string; autoProcessNewOrders: boolean }) {
  const [on, setOn] = useState(autoProcessNewOrders);
  const [pending, setPending] = useState(false);

  async function toggle(next: boolean) {
    setOn(next);
    setPending(true);
    const result = await setAutoProcessNewOrders({ storeId, enabled: next }).catch(() => null);
    setPending(false);
    if (result?.ok) {
      toast.success(next ? "New orders will be marked processing" : "New orders are left for you to process");
      return;
    }
    setOn(!next);
    toast.error(result ? result.error.message : "We couldn't reach Tribedesk. Check your connection and try again.");
  }

  return (
    <Card>
      <CardHeader title="Store rules" description="What Tribedesk does with new orders on its own." />
      <CardContent>
        <Switch
          checked={on}
          disabled={pending}
          onCheckedChange={(next) => void toggle(next)}
          label="Mark new orders processing"
          description="Once TribeMade confirms a new order, Tribedesk marks it processing, as TribeMade's reference receiver does on receipt. TribeMade then emails the customer that the order is being prepared. Orders TribeMade does not know are never touched."
        />
      </CardContent>
    </Card>
  );
}
