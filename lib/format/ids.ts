// Ids as people read them. Client-safe.

/** The first block of a UUID: enough to tell orders apart in a dense list. */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(0, 8) : "—";
}
