"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Zap } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { drainOutboxNow } from "@/lib/outbox/actions";
import { outboxKeys } from "@/lib/outbox/keys";

/** Sends this store's due messages now, within the rate limits, and says what happened. */
export function DrainNowButton({ storeId }: { storeId: string }) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);

  async function drain() {
    setPending(true);
    const result = await drainOutboxNow().catch(() => null);
    setPending(false);
    if (!result) return void toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    if (!result.ok) return void toast.error(result.error.message);
    const { claimed, done, retried, dead, ms } = result.data;
    if (claimed === 0) toast.info("Nothing was due: everything waiting has a later time or is held by the rate limit.");
    else
      toast.success(`Drained ${claimed} in ${(ms / 1000).toFixed(1)} s`, {
        description: [`${done} done`, retried ? `${retried} will retry` : null, dead ? `${dead} dead` : null]
          .filter(Boolean)
          .join(" · "),
      });
    await queryClient.invalidateQueries({ queryKey: outboxKeys.all(storeId) });
  }

  return (
    <Button variant="primary" leadingIcon={<Zap />} loading={pending} onClick={drain}>
      Drain now
    </Button>
  );
}
