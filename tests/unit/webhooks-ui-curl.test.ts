import { execFile, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCurl, curlUrl, printfFormat, shellQuote, WEBHOOK_URL_PLACEHOLDER } from "@/lib/webhooks/curl";

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

// The real test of a shell command is running it: a local server records what curl sends.
let server: Server;
let origin = "";
let received: { body: Buffer; contentType: string | undefined; method: string | undefined; url: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({
        body: Buffer.concat(chunks),
        contentType: request.headers["content-type"],
        method: request.method,
        url: request.url,
      });
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"status":"accepted"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const hasCurl = spawnSync("curl", ["--version"]).status === 0;
const SKIPPED_WITHOUT_CURL = "SKIPPED: curl is not installed, so the generated commands were not run (apt-get install -y curl)";
// A skip must be seen: the count alone says nothing about what went untested.
if (!hasCurl) console.warn(`webhooks-ui-curl.test.ts: ${SKIPPED_WITHOUT_CURL}`);

// Asynchronous: a synchronous spawn would block the event loop the recording server runs on.
async function run(command: string, shell: "sh" | "bash") {
  received = [];
  await new Promise<void>((resolve, reject) => {
    execFile(shell, ["-c", command.replace("<token>", "tok_123")], { timeout: 10_000 }, (error, _stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(),
    );
  });
  expect(received).toHaveLength(1);
  return received[0]!;
}

describe("shellQuote", () => {
  it("wraps in single quotes and escapes single quotes", () => {
    expect(shellQuote("plain")).toBe("'plain'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$HOME `x` \\n "q"')).toBe(`'$HOME \`x\` \\n "q"'`);
  });
});

describe("curlUrl", () => {
  it("uses a placeholder for the whole URL when the origin is unknown", () => {
    expect(curlUrl(null, null)).toBe(WEBHOOK_URL_PLACEHOLDER);
  });
  it("builds this deployment's webhook URL with a token placeholder", () => {
    expect(curlUrl("https://desk.example.in/", null)).toBe("https://desk.example.in/api/webhooks/tribemade/<token>");
    expect(curlUrl("https://desk.example.in", "abc")).toBe("https://desk.example.in/api/webhooks/tribemade/abc");
  });
});

describe("printfFormat", () => {
  it("escapes %, backslash, quotes and non-printable bytes as octal", () => {
    expect(printfFormat(new Uint8Array([0x41, 0x25, 0x5c, 0x27, 0x00, 0xff, 0x0a]))).toBe("A%%\\\\\\047\\000\\377\\012");
  });
});

describe("buildCurl", () => {
  const body = bytes('{"event":"order.created","customer":{"name":"Rahul O\'Brien"}}');

  it("sends the body with --data-raw and the original Content-Type", () => {
    const command = buildCurl({
      body,
      headers: { "content-type": "application/json; charset=utf-8" },
      origin: "https://desk.example.in",
    });
    expect(command).toContain("curl -sS -i -X POST 'https://desk.example.in/api/webhooks/tribemade/<token>'");
    expect(command).toContain("-H 'Content-Type: application/json; charset=utf-8'");
    expect(command).toContain(`--data-raw '{"event":"order.created","customer":{"name":"Rahul O'\\''Brien"}}'`);
    expect(command).not.toContain("printf");
  });

  it("uses the whole-URL placeholder without an origin", () => {
    expect(buildCurl({ body, headers: {} })).toContain(`-X POST '${WEBHOOK_URL_PLACEHOLDER}'`);
  });

  it("removes curl's own Content-Type when the original request had none", () => {
    expect(buildCurl({ body, headers: {} })).toContain("-H 'Content-Type:'");
  });

  it("falls back to printf for bytes a shell argument cannot carry", () => {
    for (const raw of [
      new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
      bytes("a\u0000b"),
      bytes("line\r\nfeed"),
      bytes("\u001b[31mred"),
      new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]),
    ]) {
      const command = buildCurl({ body: raw, headers: { "content-type": "application/json" } });
      expect(command.startsWith("printf '")).toBe(true);
      expect(command).toContain("--data-binary @-");
    }
  });

  const inShell = "run in a shell, it reproduces the request byte for byte";
  describe.skipIf(!hasCurl)(hasCurl ? inShell : `${inShell} — ${SKIPPED_WITHOUT_CURL}`, () => {
    const cases: Array<[string, Uint8Array, Record<string, string>]> = [
      [
        "JSON with quotes, $vars, backticks and unicode",
        bytes('{"note":"it\'s $HOME `id` \\\\ ₹2,048 — नमस्ते 🎉","n":"\\n"}'),
        { "content-type": "application/json" },
      ],
      ["a body starting with @", bytes("@/etc/passwd"), { "content-type": "text/plain" }],
      ["newlines and tabs", bytes('{\n\t"a": 1\n}\n'), { "content-type": "application/json" }],
      [
        "invalid UTF-8, NUL, CR and %",
        new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x00, 0x0d, 0x25, 0x73, 0x5c, 0x6e, 0x27, 0x22, 0x7d]),
        { "content-type": "application/json" },
      ],
      ["a UTF-8 BOM", new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), { "content-type": "application/json" }],
      ["an empty body", new Uint8Array(), { "content-type": "application/json" }],
      ["no content type", bytes("{}"), {}],
    ];
    for (const shell of ["sh", "bash"] as const) {
      for (const [name, raw, headers] of cases) {
        it(`${name} (${shell})`, async () => {
          const got = await run(buildCurl({ body: raw, headers, origin }), shell);
          expect(got.method).toBe("POST");
          expect(got.url).toBe("/api/webhooks/tribemade/tok_123");
          expect(Buffer.compare(got.body, Buffer.from(raw))).toBe(0);
          expect(got.contentType).toBe(headers["content-type"]);
        });
      }
    }
  });
});
