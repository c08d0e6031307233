// Optimistic updates for status changes: patch one order wherever it sits in the react-query cache
// — a feed page, the order page, a search result — without knowing each query's shape. An order
// is any plain object with that `id` and a `status` and `version`. Client-safe and pure: returns
// the same reference when nothing changed, so untouched queries do not re-render.

export type OrderPatch = Partial<{
  status: string;
  version: number;
  sync: string;
  syncError: string | null;
  trackingUrl: string | null;
}>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function isOrder(value: Record<string, unknown>, id: string): boolean {
  return value.id === id && "status" in value && "version" in value;
}

/** `data` with the order `id` patched everywhere it appears (structural sharing elsewhere). */
export function patchOrderIn<T>(data: T, id: string, patch: OrderPatch, depth = 0): T {
  if (depth > 8) return data;
  if (Array.isArray(data)) {
    let changed = false;
    const next = data.map((item: unknown) => {
      const patched = patchOrderIn(item, id, patch, depth + 1);
      if (patched !== item) changed = true;
      return patched;
    });
    return (changed ? next : data) as T;
  }
  if (!isPlainObject(data)) return data;
  if (isOrder(data, id)) {
    const differs = Object.entries(patch).some(([key, value]) => data[key] !== value);
    return (differs ? { ...data, ...patch } : data) as T;
  }
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const patched = patchOrderIn(value, id, patch, depth + 1);
    if (patched !== value) changed = true;
    next[key] = patched;
  }
  return (changed ? next : data) as T;
}

/** The fields a patch would overwrite, read from the first copy of the order found (for rollback). */
export function findOrderIn(data: unknown, id: string, depth = 0): Record<string, unknown> | null {
  if (depth > 8) return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findOrderIn(item, id, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(data)) return null;
  if (isOrder(data, id)) return data;
  for (const value of Object.values(data)) {
    const found = findOrderIn(value, id, depth + 1);
    if (found) return found;
  }
  return null;
}
