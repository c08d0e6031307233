// Browser-side GET for the app's own JSON routes (the react-query fetchers). Errors carry the
// route's message, so error states say what went wrong ("Sign in to continue.") instead of "500".

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

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: "application/json" }, cache: "no-store" });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FetchError("We couldn't reach Tribedesk. Check your connection.", 0, "offline");
  }
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
  throw new FetchError(body?.message ?? `The server answered ${response.status}.`, response.status, body?.error ?? null);
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}
