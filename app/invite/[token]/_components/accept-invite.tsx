"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInvite } from "@/lib/stores/actions";

export function AcceptInvite({ token, storeName }: { token: string; storeName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onJoin() {
    setPending(true);
    setError(null);
    const result = await acceptInvite({ token }).catch(() => null);
    if (result?.ok) {
      router.push("/orders");
      return;
    }
    setPending(false);
    setError(result ? result.error.message : "We couldn't reach Tribedesk. Check your connection and try again.");
  }

  return (
    <div className="grid gap-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button variant="primary" size="lg" className="w-full" loading={pending} onClick={onJoin}>
        Join {storeName}
      </Button>
    </div>
  );
}
