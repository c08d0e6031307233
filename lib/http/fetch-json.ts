import type { z } from "zod";

// Browser-side calls to the app's own JSON routes (the react-query fetchers). The answer is parsed
// with the route's schema, so what the page renders is what the types say; a tab left open across
// a deploy that changed the shape is told to reload instead of rendering nonsense. Errors carry
// the route's message, so error states say what went wrong ("Sign in to continue.") instead of "500".

export class FetchError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

/** GET `url` (POST with `body` as JSON) and parse the answer with `schema`. */
export async function fetchJson<S extends z.ZodType>(
  url: string,
  schema: S,
  options: { signal?: AbortSignal; body?: unknown } = {},
): Promise<z.output<S>> {
  const { signal, body } = options;
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      cache: "no-store",
      ...(body === undefined
        ? { headers: { Accept: "application/json" } }
        : {
            method: "POST",
            headers: { Accept: "application/json", "Content-Type": "application/json" },
            body: JSON.stringify(body),
          }),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FetchError("We couldn't reach Tribedesk. Check your connection.", 0, "offline");
  }
  if (!response.ok) {
    const failure = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new FetchError(failure?.message ?? `The server answered ${response.status}.`, response.status, failure?.error ?? null);
  }
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new FetchError(
      "Tribedesk has changed since this page loaded. Reload the page.",
      response.status,
      "unexpected_response",
    );
  }
  return parsed.data;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}
