"use client";

import { EyeOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { hideOutOfStock } from "@/lib/products/actions";

/** Bulk: hide every visible product with no stock (is_active false at TribeMade), 20 a minute. */
export function HideOutOfStockButton({ storeId }: { storeId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function hide() {
    setPending(true);
    const result = await hideOutOfStock({ storeId }).catch(() => null);
    setPending(false);
    if (!result) return void toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    if (!result.ok) return void toast.error(result.error.message);
    const { count, etaSeconds } = result.data;
    toast.success(
      count === 0
        ? "No visible product is out of stock."
        : `Hiding ${count} ${count === 1 ? "product" : "products"} at TribeMade, done in about ${etaSeconds} s.`,
    );
    router.refresh();
  }
  return (
    <Button variant="secondary" onClick={() => void hide()} disabled={pending} leadingIcon={<EyeOff />}>
      Hide everything out of stock
    </Button>
  );
}
