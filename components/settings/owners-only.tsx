import { ShieldCheckIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What staff see where owners manage something (API key, team, invites). */
export function OwnersOnly({ what, storeName }: { what: string; storeName: string }) {
  return (
    <EmptyState
      icon={<ShieldCheckIcon />}
      title={`Only owners can ${what}`}
      description={`You're staff at ${storeName}: you can work orders, and an owner of the store can make this change for you.`}
      action={
        <Button href="/orders" variant="secondary">
          Go to orders
        </Button>
      }
    />
  );
}
