import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The products list's shape while it loads. */
export default function ProductsLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading products…</span>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-6 w-32" />
        <Skeleton className="h-4 w-96 max-w-full" />
      </div>
      <Skeleton className="mb-4 h-9 w-full" />
      <Card className="space-y-3 p-4">
        {[0, 1, 2, 3, 4, 5].map((key) => (
          <Skeleton key={key} className="h-10 w-full" />
        ))}
      </Card>
    </div>
  );
}
