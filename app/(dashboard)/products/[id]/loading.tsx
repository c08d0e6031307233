import { ListSkeleton, PageSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/** The product page's shape while it loads. */
export default function Loading() {
  return (
    <PageSkeleton title="the product" back>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Skeleton className="h-40 w-full" />
          <Skeleton className="h-36 w-full" />
        </div>
        <ListSkeleton rows={4} />
      </div>
    </PageSkeleton>
  );
}
