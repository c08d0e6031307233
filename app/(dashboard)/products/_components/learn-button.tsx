"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { learnProductsFromOrders } from "@/lib/products/actions";

/** Finds the products of the store's past verified orders and reads them from TribeMade. */
export function LearnButton({ storeId }: { storeId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function learn() {
    setPending(true);
    const result = await learnProductsFromOrders({ storeId }).catch(() => null);
    setPending(false);
    if (!result) return void toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    if (!result.ok) return void toast.error(result.error.message);
    toast.success(
      result.data.queued > 0
        ? `Reading ${result.data.queued} products from TribeMade…`
        : "No confirmed orders name a product yet.",
    );
    router.refresh();
  }
  return (
    <Button onClick={() => void learn()} disabled={pending}>
      {pending ? "Looking…" : "Find products in past orders"}
    </Button>
  );
}
