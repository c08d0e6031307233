"use client";

import { RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { readProductNow } from "@/lib/products/actions";

/** Reads the product from TribeMade now (at most once a minute, in the 50/min product reads). */
export function ReadNowButton({ storeId, productId }: { storeId: string; productId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function read() {
    setPending(true);
    const result = await readProductNow({ storeId, productId }).catch(() => null);
    if (!result?.ok) {
      setPending(false);
      return void toast.error(result ? result.error.message : "We couldn't reach Tribedesk. Try again.");
    }
    toast.success("Reading from TribeMade…");
    // The read is queued; show its answer when it has come (a drain takes a moment).
    setTimeout(() => {
      setPending(false);
      router.refresh();
    }, 1_500);
  }
  return (
    <Button variant="secondary" onClick={() => void read()} disabled={pending} leadingIcon={<RefreshCw />}>
      Read now
    </Button>
  );
}
