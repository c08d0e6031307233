import { FiguresSkeleton, ListSkeleton, PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton title="the customer" back actions={1}>
      <FiguresSkeleton />
      <ListSkeleton rows={5} />
    </PageSkeleton>
  );
}
