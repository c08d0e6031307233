import { Card } from "@/components/ui/card";
import { LoadingStatus } from "@/components/ui/loading-status";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingStatus label="Loading endpoints…">
      <Card className="overflow-hidden">
        <div className="border-line flex items-center justify-between border-b px-4 py-3">
          <div className="space-y-1.5">
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-3.5 w-72 max-w-full" />
          </div>
          <Skeleton className="h-8 w-32" />
        </div>
        <div className="divide-line divide-y">
          {Array.from({ length: 3 }, (_, row) => (
            <div key={row} className="flex h-12 items-center gap-8 px-4">
              <Skeleton className="h-4 w-32" />
              <Skeleton className="h-5 w-16 rounded-full" />
              <Skeleton className="hidden h-4 w-24 sm:block" />
              <Skeleton className="ml-auto h-4 w-10" />
            </div>
          ))}
        </div>
      </Card>
    </LoadingStatus>
  );
}
