import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { TOPIC_INFO, type Topic } from "@/lib/notifications/topics";

// Every email carries a signed link that turns that topic's email off for that member, without
// signing in (a phone's mail app rarely has the session). The signature is an HMAC under a key
// derived from AUTH_SECRET, over store, member and topic: a link works only for what it names, and
// rotating AUTH_SECRET voids them all. Also sent as List-Unsubscribe (RFC 8058 one-click).

export type UnsubscribeClaim = { storeId: string; userId: string; topic: Topic };

function signature(claim: UnsubscribeClaim): string {
  const key = createHmac("sha256", env.AUTH_SECRET).update("tribedesk:unsubscribe:v1").digest();
  return createHmac("sha256", key).update(`${claim.storeId}.${claim.userId}.${claim.topic}`).digest("base64url");
}

export function verifyUnsubscribe(claim: UnsubscribeClaim, sig: string): boolean {
  const expected = Buffer.from(signature(claim));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function origin(): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

export function unsubscribeUrl(storeId: string, userId: string, topic: string): string | null {
  if (!(topic in TOPIC_INFO)) return null;
  const claim = { storeId, userId, topic: topic as Topic };
  const query = new URLSearchParams({ s: storeId, u: userId, t: topic, sig: signature(claim) });
  return `${origin()}/api/notifications/unsubscribe?${query}`;
}

export function unsubscribeHeaders(storeId: string, userId: string, topic: string): Record<string, string> {
  const url = unsubscribeUrl(storeId, userId, topic);
  return url ? { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {};
}

export function emailFooter(storeId: string, userId: string, topic: string, path: string): string {
  const url = unsubscribeUrl(storeId, userId, topic);
  const open = `Open in Tribedesk: ${origin()}${path}`;
  if (!url) return open;
  const label = TOPIC_INFO[topic as Topic].label;
  return `${open}\n\n—\nYou get "${label}" emails because of your choices in Settings → Notifications.\nStop these emails: ${url}`;
}
