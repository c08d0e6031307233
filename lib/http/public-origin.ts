import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The origin merchants and TribeMade reach this deployment at, for links shown once (webhook
 * URLs, invite links): APP_URL when configured, else the host the request came in on.
 */
export async function publicOrigin(): Promise<string> {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const incoming = await headers();
  const host = incoming.get("x-forwarded-host") ?? incoming.get("host") ?? `localhost:${env.PORT}`;
  const proto = incoming.get("x-forwarded-proto") === "http" ? "http" : "https";
  return `${proto}://${host.split(",")[0]?.trim()}`;
}
