import type { BudgetViewDto } from "@/lib/outbox/schemas";

// The dashboard banner's JSON shape (client-safe; lib/outbox/queries.ts builds it). The status budget
// rides along for quota meters ("14/20 this minute, resets in 23 s"), polled with the banner.
export type OutboxStatusDto = {
  paused: { at: string; reason: string } | null;
  dead: number;
  canReplaceKey: boolean;
  statusBudget: BudgetViewDto;
};
