import { ListSkeleton, PageSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton title="customers" actions={1}>
      <Skeleton className="h-8 w-80 max-w-full" />
      <ListSkeleton rows={8} />
    </PageSkeleton>
  );
}
