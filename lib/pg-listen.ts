import "server-only";
import pg from "pg";
import { APPLICATION_NAME } from "@/lib/db";
import { databasePath, onTransactionPoolerFound } from "@/lib/db-path";
import { env } from "@/lib/env";
import { logger } from "@/lib/http/logger";
import { processSingleton } from "@/lib/process-singleton";

// One LISTEN connection per process, shared by every subscriber (the embedded outbox listener, each
// open live-feed stream). LISTEN needs a session of its own: transaction poolers (PgBouncer in
// transaction mode, Neon's and Supabase's pooled URLs) do not deliver notifications, so it uses
// DATABASE_URL_UNPOOLED when set (the Vercel/Neon convention), never the pool.
//
// Notifications are a hint, not a log: a subscriber is told `null` whenever the connection was
// (re)established, because anything sent while it was down is gone, and must then re-read what it
// shows. Consumers that cannot listen (canListen() is false) poll instead.

type Handler = (payload: string | null) => void;

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

const listen = processSingleton("pgListen", () => ({
  subscribers: new Map<string, Set<Handler>>(),
  client: null as pg.Client | null,
  connecting: false,
  retryMs: RECONNECT_MIN_MS,
}));

/**
 * The URL LISTEN may use: DATABASE_URL_UNPOOLED, else DATABASE_URL unless it is (or turned out to
 * be) a transaction pooler, which would take the LISTEN and never deliver a notification.
 */
export function listenUrl(): string | null {
  if (env.DATABASE_URL_UNPOOLED) return env.DATABASE_URL_UNPOOLED;
  return databasePath().path === "pooled" ? null : env.DATABASE_URL;
}

/**
 * Whether notifications can reach this process. When false, consumers poll instead. It can turn
 * false at run time (a pooler found behind DATABASE_URL; subscribers are then told `null`), so
 * consumers check it on each tick rather than once.
 */
export function canListen(): boolean {
  return listenUrl() !== null;
}

// A pooler found behind DATABASE_URL: a LISTEN made through it is already deaf. Drop it for good
// (connect() finds no URL) and tell subscribers to re-read; canListen() now says poll.
onTransactionPoolerFound(() => {
  const client = listen.client;
  if (env.DATABASE_URL_UNPOOLED || !client) return;
  listen.client = null;
  void client.end().catch(() => {});
  logger.warn("pg listen: DATABASE_URL is a transaction pooler; LISTEN is unavailable, live views poll");
  for (const channel of listen.subscribers.keys()) emit(channel, null);
});

/** Calls `handler` with each payload on `channel` (and null after every (re)connect). Returns unsubscribe. */
export function subscribe(channel: string, handler: Handler): () => void {
  let handlers = listen.subscribers.get(channel);
  if (!handlers) {
    handlers = new Set();
    listen.subscribers.set(channel, handlers);
    if (listen.client) void listen.client.query(`LISTEN ${quoteChannel(channel)}`).catch(dropConnection);
  }
  handlers.add(handler);
  connect();
  return () => {
    handlers.delete(handler);
    if (handlers.size > 0) return;
    listen.subscribers.delete(channel);
    if (listen.client) void listen.client.query(`UNLISTEN ${quoteChannel(channel)}`).catch(() => {});
  };
}

function connect(): void {
  const url = listenUrl();
  if (listen.client || listen.connecting || !url) return;
  listen.connecting = true;
  // Named as the pools are, so a process's connections are counted together.
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    application_name: APPLICATION_NAME,
  });
  client.on("notification", (message) => emit(message.channel, message.payload ?? ""));
  client.on("error", (error) => dropConnection(error));
  client.on("end", () => dropConnection());
  client
    .connect()
    .then(async () => {
      for (const channel of listen.subscribers.keys()) await client.query(`LISTEN ${quoteChannel(channel)}`);
      listen.connecting = false;
      // A pooler was found behind this URL while connecting: the LISTEN is deaf.
      if (listenUrl() !== url) return void client.end().catch(() => {});
      listen.client = client;
      listen.retryMs = RECONNECT_MIN_MS;
      for (const channel of listen.subscribers.keys()) emit(channel, null);
    })
    .catch((error: unknown) => {
      listen.connecting = false;
      void client.end().catch(() => {});
      scheduleReconnect(error);
    });
}

function dropConnection(error?: unknown): void {
  const client = listen.client;
  if (!client) return;
  listen.client = null;
  void client.end().catch(() => {});
  scheduleReconnect(error);
}

function scheduleReconnect(error: unknown): void {
  if (listen.subscribers.size === 0) return;
  logger.warn("pg listen: connection lost, reconnecting", { error, inMs: listen.retryMs });
  setTimeout(connect, listen.retryMs).unref();
  listen.retryMs = Math.min(listen.retryMs * 2, RECONNECT_MAX_MS);
}

function emit(channel: string, payload: string | null): void {
  for (const handler of listen.subscribers.get(channel) ?? []) {
    try {
      handler(payload);
    } catch (error) {
      logger.error("pg listen: subscriber failed", { channel, error });
    }
  }
}

/** Channel names are constants in this codebase; quoted anyway, as identifiers. */
function quoteChannel(channel: string): string {
  return `"${channel.replaceAll('"', '""')}"`;
}
