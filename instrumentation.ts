// Next.js runs register() once when a server process starts.
// - The production server (scripts/serve.ts) answers webhooks before Next.js with the build's own
//   receiver, registered here (lib/webhooks/ingest/server-hook.ts); other servers never look it up.
// - The long-running embedded mode (`npm start`, `npm run dev`: TRIBEDESK_DRAIN_LISTENER=1) starts
//   the outbox listener; on serverless hosts the flag is unset and nothing starts (cron, wake-ups
//   and requests drain there).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ registerServerReceiver }, { receiveOnServer }, { startDrainListener }] = await Promise.all([
    import("@/lib/webhooks/ingest/server-hook"),
    import("@/lib/webhooks/ingest/server-receiver"),
    import("@/lib/outbox/listener"),
  ]);
  registerServerReceiver(receiveOnServer);
  startDrainListener();
}
