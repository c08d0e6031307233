// Differences between two deliveries' JSON bodies, as a flat list of paths (the inspector's
// "Compare"). Client-safe and pure. Iterative, not recursive: bodies come from the outside world
// and may nest thousands of levels deep (the ingest fuzz test sends such bodies).

export type JsonDiffKind = "added" | "removed" | "changed";

export type JsonDiffEntry = {
  /** `customer.email`, `order_details.custom_questions[0]`, `["odd key"]` */
  path: string;
  kind: JsonDiffKind;
  /** Absent for "added". */
  before?: unknown;
  /** Absent for "removed". */
  after?: unknown;
};

type Container = Record<string, unknown> | unknown[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent === "" ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isContainer(value: unknown): value is Container {
  return typeof value === "object" && value !== null;
}

/** Own enumerable keys; JSON.parse makes `__proto__` an own key, never a prototype. */
function own(value: Record<string, unknown>, key: string): unknown {
  return Object.getOwnPropertyDescriptor(value, key)?.value;
}

/** Same JSON kind that can be walked into together: two objects, or two arrays. */
function sameShape(a: unknown, b: unknown): boolean {
  return (isObject(a) && isObject(b)) || (Array.isArray(a) && Array.isArray(b));
}

type Task = { emit: JsonDiffEntry } | { path: string; a: unknown; b: unknown };

/**
 * Paths where `after` differs from `before`, in document order (before's keys, then keys only
 * `after` has). Objects compare by key, arrays by index (an insertion at the front shows as changes
 * plus one addition, like a diff without move detection). Numbers compare by value, so the bodies
 * `2048.00` and `2048` are equal. At most `limit` entries.
 */
export function diffJson(before: unknown, after: unknown, limit = 1_000): JsonDiffEntry[] {
  const out: JsonDiffEntry[] = [];
  const stack: Task[] = [{ path: "", a: before, b: after }];
  for (let task = stack.pop(); task && out.length < limit; task = stack.pop()) {
    if ("emit" in task) {
      out.push(task.emit);
      continue;
    }
    const { path, a, b } = task;
    if (!sameShape(a, b)) {
      if (isContainer(a) || isContainer(b) || a !== b) out.push({ path: path || "(root)", kind: "changed", before: a, after: b });
      continue;
    }
    const children: Task[] = [];
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let index = 0; index < Math.max(a.length, b.length); index++) {
        const at = childPath(path, index);
        if (index >= b.length) children.push({ emit: { path: at, kind: "removed", before: a[index] } });
        else if (index >= a.length) children.push({ emit: { path: at, kind: "added", after: b[index] } });
        else children.push({ path: at, a: a[index], b: b[index] });
      }
    } else {
      const left = a as Record<string, unknown>;
      const right = b as Record<string, unknown>;
      const onlyRight = new Set(Object.keys(right));
      for (const key of Object.keys(left)) {
        const at = childPath(path, key);
        if (onlyRight.delete(key)) children.push({ path: at, a: own(left, key), b: own(right, key) });
        else children.push({ emit: { path: at, kind: "removed", before: own(left, key) } });
      }
      for (const key of onlyRight) children.push({ emit: { path: childPath(path, key), kind: "added", after: own(right, key) } });
    }
    // Last child pushed first, so the first is handled next: depth-first, in document order. A loop,
    // because spreading 100k array items into push() would overflow the call stack.
    for (const child of children.reverse()) stack.push(child);
  }
  return out;
}
