// Next.js runs register() once when a server process starts. The long-running embedded mode
// (`npm start`, `npm run dev`: TRIBEDESK_DRAIN_LISTENER=1) starts the outbox listener here; on
// serverless hosts the flag is unset and nothing starts (cron, wake-ups and requests drain there).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startDrainListener } = await import("@/lib/outbox/listener");
  startDrainListener();
}
