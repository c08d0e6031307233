// The banner's JSON shape (client-safe; lib/outbox/queries.ts builds it).
export type OutboxStatusDto = { paused: { at: string; reason: string } | null; dead: number; canReplaceKey: boolean };
