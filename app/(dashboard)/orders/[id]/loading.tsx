import { Card } from "@/components/ui/card";
import { PageSkeleton } from "@/components/ui/page-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <PageSkeleton title="the order" back>
      <div className="flex gap-2">
        {[0, 1, 2, 3].map((step) => (
          <Skeleton key={step} className="h-7 w-24 rounded-full" />
        ))}
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="p-4 lg:col-span-2">
          <Skeleton className="h-4 w-24" />
          <div className="mt-5 grid gap-5">
            {[0, 1, 2, 3].map((row) => (
              <div key={row} className="flex gap-3">
                <Skeleton className="size-7 rounded-full" />
                <div className="flex-1 space-y-1.5">
                  <Skeleton className="h-4 w-64 max-w-full" />
                  <Skeleton className="h-3 w-40" />
                </div>
              </div>
            ))}
          </div>
        </Card>
        <div className="grid gap-6">
          {[0, 1].map((card) => (
            <Card key={card} className="space-y-3 p-4">
              <Skeleton className="h-4 w-20" />
              {[0, 1, 2, 3].map((row) => (
                <Skeleton key={row} className="h-4 w-full" />
              ))}
            </Card>
          ))}
        </div>
      </div>
    </PageSkeleton>
  );
}
