import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The product page's shape while it loads. */
export default function ProductLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading the product…</span>
      <div className="mb-6 flex items-center gap-3">
        <Skeleton className="size-9" />
        <Skeleton className="h-6 w-56" />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-36 w-full" />
        </div>
        <Card className="space-y-3 p-4">
          {[0, 1, 2, 3].map((key) => (
            <Skeleton key={key} className="h-8 w-full" />
          ))}
        </Card>
      </div>
    </div>
  );
}
