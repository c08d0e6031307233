import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { unsubscribeEmail } from "@/lib/notifications/mutations";
import { TOPICS, TOPIC_INFO } from "@/lib/notifications/topics";
import { verifyUnsubscribe } from "@/lib/notifications/unsubscribe";

// The signed unsubscribe link's two steps: GET shows what it will do and a button (mail scanners
// open links, so a GET changes nothing); POST does it (the button, or a mail app's RFC 8058
// one-click POST). Both check the signature; a bad or partial link is 400 invalid_payload.

const linkSchema = z.object({ s: z.uuid(), u: z.uuid(), t: z.enum(TOPICS), sig: z.string().min(20).max(100) });

function claimOf(url: URL) {
  const parsed = linkSchema.safeParse(Object.fromEntries(url.searchParams));
  const valid =
    parsed.success && verifyUnsubscribe({ storeId: parsed.data.s, userId: parsed.data.u, topic: parsed.data.t }, parsed.data.sig);
  if (!parsed.success || !valid) throw new AppError("invalid_payload", "This unsubscribe link is incomplete or was changed.");
  return parsed.data;
}

export function unsubscribePage(url: URL): string {
  const claim = claimOf(url);
  const label = TOPIC_INFO[claim.t].label;
  return page(
    `Stop “${label}” emails?`,
    `<form method="post" action="${escape(url.pathname + url.search)}"><button type="submit">Stop these emails</button></form>
     <p class="muted">You can turn them on again in Settings → Notifications.</p>`,
  );
}

export async function applyUnsubscribe(url: URL): Promise<string> {
  const claim = claimOf(url);
  await unsubscribeEmail(claim.s, claim.u, claim.t);
  return page(
    `No more “${TOPIC_INFO[claim.t].label}” emails`,
    `<p class="muted">Turn them on again any time in Settings → Notifications.</p>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en-IN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Tribedesk</title><style>
:root{color-scheme:light dark}body{font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1.5rem;line-height:1.5}
.muted{color:#71717a}button{font:inherit;font-weight:600;padding:.6rem 1.1rem;border:0;border-radius:.5rem;background:#4f46e5;color:#fff;cursor:pointer}
</style></head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
