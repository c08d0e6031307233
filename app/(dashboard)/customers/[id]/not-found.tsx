import { ArrowLeft, UserX } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function CustomerNotFound() {
  return (
    <EmptyState
      icon={<UserX />}
      title="No such customer"
      description="It may belong to another store, or the link is mistyped."
      action={
        <Button href="/customers" leadingIcon={<ArrowLeft aria-hidden="true" />}>
          All customers
        </Button>
      }
    />
  );
}
