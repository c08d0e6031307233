import { ListSkeleton, PageSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

/** The products list's shape while it loads. */
export default function Loading() {
  return (
    <PageSkeleton title="products">
      <Skeleton className="h-9 w-full" />
      <ListSkeleton rows={6} rowClassName="h-10" />
    </PageSkeleton>
  );
}
