import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { DeliveriesTableSkeleton } from "./deliveries-table-skeleton";

function Loading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="grid gap-4">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

export function DeliveriesSkeleton() {
  return (
    <Loading label="Loading deliveries…">
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-8 w-72 max-w-full" />
        <Skeleton className="h-8 w-32" />
        <Skeleton className="h-8 w-32" />
      </div>
      <Card className="overflow-hidden">
        <DeliveriesTableSkeleton />
      </Card>
    </Loading>
  );
}

export function EndpointsSkeleton() {
  return (
    <Loading label="Loading endpoints…">
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
    </Loading>
  );
}

export function MetricsSkeleton() {
  return (
    <Loading label="Loading metrics…">
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Card key={index} className="space-y-2 p-4">
            <Skeleton className="h-3.5 w-20" />
            <Skeleton className="h-7 w-16" />
          </Card>
        ))}
      </div>
      <Card className="p-4">
        <Skeleton className="mb-4 h-4 w-40" />
        <Skeleton className="h-44 w-full" />
      </Card>
    </Loading>
  );
}

export function DeliveryDetailSkeleton() {
  return (
    <Loading label="Loading the delivery…">
      <div className="mb-2 space-y-2">
        <Skeleton className="h-3 w-20" />
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-64 max-w-full" />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="space-y-3 p-4 lg:col-start-3 lg:row-start-1">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-4 w-full" />
          ))}
        </Card>
        <Card className="space-y-2 p-4 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          {Array.from({ length: 12 }, (_, index) => (
            <Skeleton key={index} className={index % 3 === 2 ? "h-3.5 w-2/3" : "h-3.5 w-full"} />
          ))}
        </Card>
      </div>
    </Loading>
  );
}
