"use client";

import { useQuery } from "@tanstack/react-query";
import { KeyRound, RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useClock } from "@/components/ui/use-clock";
import { outboxKeys } from "@/lib/outbox/keys";
import { outboxOverviewSchema } from "@/lib/outbox/schemas";
import { errorMessage, fetchJson } from "@/lib/http/fetch-json";
import { BudgetCard } from "./budget-card";
import { DeadLetters } from "./dead-letters";
import { DrainsCard } from "./drains-card";
import { KindTable } from "./kind-table";
import { StatCards } from "./stat-cards";
import { WaitingList } from "./waiting-list";

/** The queue moves by the second; 5 s keeps the page live without loading the server. */
const REFRESH_MS = 5_000;

export function OutboxView({ storeId, isOwner }: { storeId: string; isOwner: boolean }) {
  const overview = useQuery({
    queryKey: outboxKeys.overview(storeId),
    queryFn: ({ signal }) => fetchJson("/api/outbox", outboxOverviewSchema, { signal }),
    refetchInterval: REFRESH_MS,
  });
  const data = overview.data;
  // Countdowns ("next attempt in 23 s") move between refetches; the server render uses the data's time.
  const now = useClock(1_000, Date.parse(data?.now ?? new Date(0).toISOString()));

  if (!data) {
    return overview.isError ? (
      <Alert
        tone="error"
        title="The outbox didn't load"
        action={
          <Button size="sm" leadingIcon={<RefreshCw />} onClick={() => void overview.refetch()}>
            Try again
          </Button>
        }
      >
        {errorMessage(overview.error)}
      </Alert>
    ) : null;
  }

  const waitingTotal = data.depth.reduce((sum, row) => sum + row.pending + row.leased, 0);
  return (
    <div className="grid gap-4" data-testid="outbox-overview">
      {overview.isError ? <Alert tone="warning">Showing the last figures: {errorMessage(overview.error)}</Alert> : null}
      {data.paused ? (
        <Alert
          tone="error"
          title="Paused: TribeMade rejected this store's API key"
          action={
            isOwner ? (
              <Button size="sm" href="/settings/api-key" leadingIcon={<KeyRound />}>
                Replace the key
              </Button>
            ) : null
          }
        >
          Nothing is sent to TribeMade and no attempts are spent until {isOwner ? "you replace" : "an owner replaces"} the key;
          then everything waiting goes out within seconds.
        </Alert>
      ) : !data.hasKey ? (
        <Alert tone="warning" title="No TribeMade API key">
          Orders cannot be verified and status changes cannot be sent until the store has a key (Settings → API key).
        </Alert>
      ) : null}
      <StatCards overview={data} now={now} />
      <div className="grid items-start gap-4 lg:grid-cols-2">
        <div className="grid gap-4">
          <BudgetCard budgets={data.budgets} now={now} />
          <KindTable depth={data.depth} />
        </div>
        <DrainsCard overview={data} now={now} />
      </div>
      <DeadLetters storeId={storeId} messages={data.dead} total={data.deadTotal} canDiscard={isOwner} />
      <WaitingList messages={data.waiting} now={now} total={waitingTotal} paused={data.paused !== null} />
    </div>
  );
}
