// Tenant isolation (docs/architecture.md "Security"): merchant A, signed in, calls every route handler and
// every server action that exists, aimed at merchant B's ids (and with the store-switcher cookie
// pointing at B's store). Nothing of B's may change and nothing of B's may come back. Signed-out
// calls get 401 or a redirect to /login.
//
// Routes (app/**/route.ts) and actions (exports of lib/**/actions.ts) are discovered from the file
// system. A new one fails "is in the table" below until it gets a row in ROUTES or ACTIONS saying
// how to aim it at B (tests/fixtures/isolation/) — that row is all a new route or action needs; the
// checks are generic.
import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Action } from "@/tests/fixtures/isolation/actions";
import type { Ctx } from "@/tests/fixtures/isolation/merchants";
import type { Method, RouteCall } from "@/tests/fixtures/isolation/routes";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// Nothing here should reach TribeMade; a closed port fails fast instead of waiting on DNS.
process.env.TRIBEMADE_API_BASE_URL = "http://127.0.0.1:9";

const { actAs, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { settleAfterTasks } = await import("@/tests/fixtures/webhook-client");
const { db } = await import("@/lib/db");
const { canaries, merchantA, merchantB, snapshotB } = await import("@/tests/fixtures/isolation/merchants");
const { HTTP_METHODS, ROUTES } = await import("@/tests/fixtures/isolation/routes");
const { ACTIONS } = await import("@/tests/fixtures/isolation/actions");

const ROOT = process.cwd();

// ---------------------------------------------------------------------------------------------
// The two merchants (tests/fixtures/isolation/merchants.ts)

let ctx: Ctx;

function expectNoCanary(output: string, where: string) {
  for (const canary of canaries(ctx)) {
    if (output.includes(canary))
      throw new Error(`${where} returned B's data (${JSON.stringify(canary)}):\n${output.slice(0, 2000)}`);
  }
}

function serialize(value: unknown): string {
  return JSON.stringify(value, (_key, entry: unknown) => (typeof entry === "bigint" ? entry.toString() : entry)) ?? String(value);
}

// ---------------------------------------------------------------------------------------------
// Discovery

function walk(dir: string, match: (file: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "generated" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full, match));
    else if (match(entry.name)) found.push(path.relative(ROOT, full).split(path.sep).join("/"));
  }
  return found.sort();
}

const ROUTE_FILES = walk(path.join(ROOT, "app"), (name) => /^route\.(ts|tsx|js)$/.test(name));
const ACTION_FILES = walk(path.join(ROOT, "lib"), (name) => /^actions\.(ts|tsx)$/.test(name));

/** "app/api/webhooks/tribemade/[token]/route.ts" → "/api/webhooks/tribemade/[token]" (route groups dropped). */
function routePattern(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function concretePath(pattern: string, params: Record<string, string | string[]>): string {
  return pattern.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_match, _rest: string | undefined, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${pattern}`);
    return Array.isArray(value) ? value.map(encodeURIComponent).join("/") : encodeURIComponent(value);
  });
}

// ---------------------------------------------------------------------------------------------
// Loading what exists

type LoadedRoute = {
  file: string;
  pattern: string;
  methods: Map<Method, (request: NextRequest, context: unknown) => Promise<Response>>;
};
type LoadedAction = { key: string; action: Action };

async function loadRoutes(): Promise<LoadedRoute[]> {
  return Promise.all(
    ROUTE_FILES.map(async (file) => {
      const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const methods = new Map<Method, (request: NextRequest, context: unknown) => Promise<Response>>();
      for (const method of HTTP_METHODS) {
        const handler = exported[method];
        if (typeof handler === "function")
          methods.set(method, handler as (request: NextRequest, context: unknown) => Promise<Response>);
      }
      return { file, pattern: routePattern(file), methods };
    }),
  );
}

async function loadActions(): Promise<LoadedAction[]> {
  const loaded: LoadedAction[] = [];
  for (const file of ACTION_FILES) {
    const exported = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === "function") loaded.push({ key: `${file}#${name}`, action: value as Action });
    }
  }
  return loaded.sort((x, y) => x.key.localeCompare(y.key));
}

let routes: LoadedRoute[];
let actions: LoadedAction[];

beforeAll(async () => {
  routes = await loadRoutes();
  actions = await loadActions();
  ctx = { a: await merchantA(), b: await merchantB() };
}, 60_000);

async function callRoute(
  route: LoadedRoute,
  call: RouteCall,
): Promise<{ status: number; location: string | null; text: string }> {
  const handler = route.methods.get(call.method);
  if (!handler) throw new Error(`${route.pattern} has no ${call.method}`);
  const params = call.params ?? {};
  const request = scopedRequest(`${concretePath(route.pattern, params)}${call.query ?? ""}`, {
    method: call.method,
    body: call.body,
    headers: call.headers,
  });
  const response = await handler(new NextRequest(request), { params: Promise.resolve(params) });
  await settleAfterTasks();
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

async function callAction(action: Action, run: (action: Action, ctx: Ctx) => Promise<unknown>): Promise<unknown> {
  try {
    return await run(action, ctx);
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return {
      thrown: typeof digest === "string" ? digest : error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  } finally {
    await settleAfterTasks();
  }
}

function refusedSignedOut(result: unknown): boolean {
  if (Array.isArray(result)) return result.every(refusedSignedOut);
  const value = result as { ok?: boolean; error?: { code?: string }; thrown?: string };
  if (value?.ok === false && value.error?.code === "unauthorized") return true;
  return (
    typeof value?.thrown === "string" &&
    (/^NEXT_REDIRECT;[^;]*;\/login/.test(value.thrown) || /AppError: Sign in/.test(value.thrown))
  );
}

// ---------------------------------------------------------------------------------------------

describe("the tables cover everything that exists", () => {
  it("finds the routes and actions it should", () => {
    expect(ROUTE_FILES).toContain("app/api/auth/[...nextauth]/route.ts");
    expect(ACTION_FILES).toContain("lib/stores/actions.ts");
  });

  it("has a ROUTES row for every route handler, covering each exported method", () => {
    const missing: string[] = [];
    for (const route of routes) {
      const entry = ROUTES[route.pattern];
      if (!entry) {
        missing.push(`${route.pattern} (${route.file}): add a row to ROUTES`);
        continue;
      }
      const called = new Set(entry.calls(ctx).map((call) => call.method));
      for (const method of route.methods.keys()) {
        if (method !== "HEAD" && method !== "OPTIONS" && !called.has(method))
          missing.push(`${route.pattern} ${method}: add a call to its ROUTES row`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has an ACTIONS row for every exported server action", () => {
    const missing = actions.filter(({ key }) => !ACTIONS[key]).map(({ key }) => `${key}: add a row to ACTIONS`);
    expect(missing).toEqual([]);
  });

  it("has no rows for routes or actions that no longer exist", () => {
    const patterns = new Set(routes.map((route) => route.pattern));
    const keys = new Set(actions.map((action) => action.key));
    expect([
      ...Object.keys(ROUTES).filter((pattern) => !patterns.has(pattern)),
      ...Object.keys(ACTIONS).filter((key) => !keys.has(key)),
    ]).toEqual([]);
  });
});

describe("route handlers, as merchant A aimed at B", () => {
  it.each(ROUTE_FILES.map((file) => [routePattern(file)]))("%s", async (pattern) => {
    const route = routes.find((candidate) => candidate.pattern === pattern);
    const entry = ROUTES[pattern];
    if (!route || !entry) throw new Error(`${pattern} has no ROUTES row (see the coverage test)`);
    for (const call of entry.calls(ctx)) {
      const label = `${call.method} ${pattern}`;
      const except = call.writesToB ?? [];
      const before = await snapshotB(ctx, except);
      await actAs(ctx.a.user, { storeCookie: ctx.b.store.id });
      const asA = await callRoute(route, call);
      expectNoCanary(asA.text, label);
      expect(await snapshotB(ctx, except), `${label} changed B's data`).toBe(before);
      if (call.writesToB) expect(asA.status, `${label}: B's real token was not recognised`).not.toBe(404);
      if (entry.access === "cron")
        expect(asA.status, `${label} accepted a merchant session instead of the cron secret`).toBe(401);

      if (entry.access === "session" || entry.access === "cron") {
        await actAs(null);
        const signedOut = await callRoute(route, call);
        const redirected = signedOut.status >= 300 && signedOut.status < 400 && (signedOut.location ?? "").includes("/login");
        expect(signedOut.status === 401 || redirected, `${label} signed out answered ${signedOut.status}`).toBe(true);
        expectNoCanary(signedOut.text, `${label} (signed out)`);
        expect(await snapshotB(ctx), `${label} (signed out) changed B's data`).toBe(before);
      }
      if (entry.access === "token") {
        // A session (and its store cookie) must not change what a token-holder gets.
        await actAs(null);
        const signedOut = await callRoute(route, call);
        expect(signedOut.status, `${label}: A's session changed the answer`).toBe(asA.status);
        expectNoCanary(signedOut.text, `${label} (signed out)`);
        expect(await snapshotB(ctx, except), `${label} (signed out) changed B's data`).toBe(before);
      }
    }
  });
});

describe("server actions, as merchant A aimed at B", () => {
  const keys = ACTION_FILES.length > 0 ? Object.keys(ACTIONS) : [];
  it.each(keys.map((key) => [key]))("%s", async (key) => {
    const loaded = actions.find((candidate) => candidate.key === key);
    const entry = ACTIONS[key];
    if (!loaded || !entry) throw new Error(`${key} is not an exported action (see the coverage test)`);

    const before = await snapshotB(ctx);
    await actAs(ctx.a.user, { storeCookie: ctx.b.store.id });
    const asA = await callAction(loaded.action, entry.asA);
    expectNoCanary(serialize(asA), key);
    expect(await snapshotB(ctx), `${key} changed B's data`).toBe(before);
    // The store cookie is a preference: pointing it at B never made A a member of B.
    expect(await db.membership.count({ where: { userId: ctx.a.user.id, storeId: ctx.b.store.id } })).toBe(0);

    if (entry.access === "session") {
      await actAs(null);
      const signedOut = await callAction(loaded.action, entry.asA);
      expect(refusedSignedOut(signedOut), `${key} signed out returned ${serialize(signedOut)}`).toBe(true);
      expect(await snapshotB(ctx), `${key} (signed out) changed B's data`).toBe(before);
    }
  });
});
