import { RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { errorMessage } from "@/lib/http/fetch-json";

/** A live list's first page failed (nothing earlier to show): what failed, why, and a retry. */
export function ListLoadError({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  return (
    <EmptyState
      icon={<TriangleAlertIcon className="text-amber-600 dark:text-amber-400" />}
      title={title}
      description={errorMessage(error)}
      action={
        <Button variant="primary" leadingIcon={<RotateCwIcon />} onClick={retry}>
          Try again
        </Button>
      }
    />
  );
}
