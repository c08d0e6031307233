// Next.js runs register() once when a server process starts.
// - The production server (scripts/serve.ts) answers webhooks before Next.js with the build's own
//   receiver, registered here with the counter of the deliveries its gate refuses
//   (lib/webhooks/ingest/server-hook.ts), and the live feed's stream the same way
//   (lib/orders/feed-stream-hook.ts); other servers never look them up.
// - Every drain in the process finds each domain's outbox handlers through the registry
//   (lib/wiring/outbox-handlers.ts), registered and loaded first, before anything can drain: loaded
//   by the first drain instead, they stalled the event loop long enough for the webhook gate to
//   refuse the next few deliveries after a restart (measured: 1–4 of 25 sent one at a time).
// - The long-running embedded mode (`npm start`, `npm run dev`: TRIBEDESK_DRAIN_LISTENER=1) starts
//   the outbox listener; on serverless hosts the flag is unset and nothing starts (cron, wake-ups
//   and requests drain there).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [
    { registerOutboxHandlers },
    { outboxHandlers },
    { registerServerReceiver },
    { receiveOnServer },
    { startDrainListener },
    { countRefusedToken },
    { registerServerFeedStream },
    { streamFeedOnServer },
  ] = await Promise.all([
    import("@/lib/wiring/outbox-handlers"),
    import("@/lib/outbox/registry"),
    import("@/lib/webhooks/ingest/server-hook"),
    import("@/lib/webhooks/ingest/server-receiver"),
    import("@/lib/outbox/listener"),
    import("@/lib/webhooks/ingest/refusals"),
    import("@/lib/orders/feed-stream-hook"),
    import("@/lib/orders/feed-stream-server"),
  ]);
  registerOutboxHandlers();
  await outboxHandlers();
  registerServerReceiver(receiveOnServer, countRefusedToken);
  registerServerFeedStream(streamFeedOnServer);
  startDrainListener();
}
