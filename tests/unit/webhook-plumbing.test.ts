import { describe, expect, it } from "vitest";
import { formatPath, makeJsonbSafe } from "@/lib/webhooks/ingest/jsonb-safe";
import { readBodyCapped } from "@/lib/webhooks/ingest/read-body";
import { captureHeaders } from "@/lib/webhooks/ingest/request-headers";

function streamOf(chunks: Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel: onCancel,
  });
}

const requestWith = (body: ReadableStream<Uint8Array> | null) =>
  new Request("http://x/", { method: "POST", body, duplex: "half" } as RequestInit);

describe("readBodyCapped", () => {
  it("reads a body under the cap whole", async () => {
    const result = await readBodyCapped(requestWith(streamOf([new Uint8Array([1, 2]), new Uint8Array([3])])), 10);
    expect(result).toEqual({ bytes: new Uint8Array([1, 2, 3]), truncated: false });
  });

  it("keeps exactly the first `cap` bytes past the cap and stops reading", async () => {
    let cancelled = false;
    let pulled = 0;
    const chunks = Array.from({ length: 1000 }, (_, i) => new Uint8Array(100).fill(i % 256));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[pulled++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    });
    const result = await readBodyCapped(requestWith(stream), 250);
    expect(result.truncated).toBe(true);
    expect(result.bytes.byteLength).toBe(250);
    expect([...result.bytes.subarray(195, 205)]).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it("is not truncated at exactly the cap", async () => {
    const result = await readBodyCapped(requestWith(streamOf([new Uint8Array(5), new Uint8Array(5)])), 10);
    expect(result.truncated).toBe(false);
    expect(result.bytes.byteLength).toBe(10);
  });

  it("reads no body as empty", async () => {
    expect(await readBodyCapped(new Request("http://x/", { method: "POST" }), 10)).toEqual({
      bytes: new Uint8Array(0),
      truncated: false,
    });
  });
});

describe("captureHeaders", () => {
  it("keeps headers, masks credentials, and keeps odd names as plain keys", () => {
    const headers = new Headers([
      ["content-type", "application/json"],
      ["cookie", "a=b"],
      ["authorization", "Bearer x"],
      ["__proto__", "1"],
    ]);
    const captured = captureHeaders(headers);
    expect(Object.entries(captured)).toEqual([
      ["__proto__", "1"],
      ["authorization", "[masked]"],
      ["content-type", "application/json"],
      ["cookie", "[masked]"],
    ]);
    expect(Object.getPrototypeOf(captured)).toBe(Object.prototype);
  });
});

describe("makeJsonbSafe", () => {
  it("returns the same object when nothing needs repair", () => {
    const value = { a: [1, "x", { b: null }] };
    expect(makeJsonbSafe(value).value).toBe(value);
  });

  it("copies only what changed, defining (not assigning) keys", () => {
    const value = JSON.parse('{"__proto__":{"x":"\\u0000"},"keep":{"y":1}}') as Record<string, unknown>;
    const result = makeJsonbSafe(value);
    const out = result.value as Record<string, Record<string, unknown>>;
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toEqual({ x: "\uFFFD" });
    expect(out.keep).toBe(value.keep);
    expect(result.repaired).toEqual(["__proto__.x"]);
  });

  it("formats and bounds paths", () => {
    expect(formatPath(["a", 0, "b"])).toBe("a.0.b");
    expect(formatPath(["x".repeat(300)])).toHaveLength(201);
  });
});
