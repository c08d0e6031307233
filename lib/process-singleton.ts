// State that must exist once per server process, not once per copy of a module. Next.js evaluates
// one source module more than once in a process: a production build's instrumentation bundle (the
// webhook receiver scripts/serve.ts calls, the outbox listener) and its route bundles each carry
// their own copy of lib/, and a dev server evaluates modules again on every hot reload. A
// module-level `const` is then two (or, in dev, N) different things.
//
// The rule: module state that every copy in the process must share is made through
// processSingleton(name, create), under a name listed below with why it must be one, and nothing
// else touches `globalThis` (lint). State that may safely be per copy (a cache, a throttle, a
// coalescing timer) stays a plain module-level value. No "server-only": scripts/serve.ts looks the
// webhook receiver up from outside Next.js.

export const PROCESS_SINGLETONS = [
  // lib/db.ts — the main connection pool. One per copy would open DATABASE_POOL_MAX connections per
  // bundle (a production server made two pools: the receiver's and the routes'), and a dev reload
  // would leak the old pool's connections.
  "pgPool",
  // lib/db.ts — webhook ingest's own connections, for the same reason; their named prepared
  // statements also live per connection, so one pool keeps the ingest statement planned.
  "ingestPool",
  // lib/db.ts — the Prisma client over pgPool. It holds no connections of its own, but building it
  // loads Prisma's query compiler, which a second copy would load again.
  "prisma",
  // lib/pg-listen.ts — the one LISTEN connection every subscriber shares (outbox listener, feeds).
  "pgListen",
  // lib/outbox/listener.ts — the long-running drainer: started once (instrumentation.ts), stopped by tests.
  "outboxListener",
  // lib/outbox/local-drain.ts — drains running here and whether the listener is up: a wake-up from the
  // receiver's bundle must see the listener the instrumentation bundle started, and join its drains.
  "outboxLocalDrains",
  // lib/outbox/registry.ts — the handlers each domain registers at process start (instrumentation.ts);
  // drains started by routes, actions and the receiver look them up.
  "outboxHandlers",
  // lib/webhooks/ingest/group-commit.ts — the ingest queue: its statements in flight and its
  // admission estimate (deliveries in hand, time per delivery) hold per process only if the receiver
  // and the route share it.
  "ingestQueue",
  // lib/webhooks/ingest/server-hook.ts — the build's webhook receiver and refusal counter, registered
  // by instrumentation.ts and looked up per request by scripts/serve.ts, which runs outside the build.
  "webhookReceiver",
  // lib/orders/feed-stream-hook.ts — the build's live-feed stream handler, the same way.
  "feedStreamServer",
  // lib/feed/store-changes.ts — one watcher per store however many feeds are open in the process.
  "feedWatchers",
  // lib/orders/feed-hub.ts — one hub per store with open live feeds: one read per change for all of
  // them, and the per-instance stream caps, which count every stream the process holds.
  "feedHubs",
  // lib/perf/request-trace.ts — the benchmark's recorder: written by the receiver, read by the trace route.
  "requestTrace",
] as const;

export type ProcessSingletonName = (typeof PROCESS_SINGLETONS)[number];

const slots = globalThis as unknown as Record<symbol, unknown>;

/** The process's one `name`, made by `create` the first time any copy of any module asks for it. */
export function processSingleton<T>(name: ProcessSingletonName, create: () => T): T {
  const key = Symbol.for(`tribedesk.${name}`);
  if (!(key in slots)) slots[key] = create();
  return slots[key] as T;
}
