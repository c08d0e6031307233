// "Copy as curl" for a stored delivery: the same bytes, the same Content-Type, sent to this
// deployment. Client-safe (the inspector builds it in the browser from the detail it already has).
//
// The endpoint URL cannot be rebuilt: only the SHA-256 of its token is stored. The command
// therefore carries a placeholder the merchant replaces with their own webhook URL.

export const WEBHOOK_URL_PLACEHOLDER = "<your-webhook-url>";
export const TOKEN_PLACEHOLDER = "<token>";

export type CurlInput = {
  /** The body exactly as received. */
  body: Uint8Array;
  /** Stored request headers (lower-case names); only Content-Type is replayed. */
  headers: Record<string, string>;
  /** This deployment's public origin (APP_URL), when known. */
  origin?: string | null;
  /** The endpoint's secret token, in the rare case the caller has it (just created). */
  token?: string | null;
};

/** POSIX single quoting: everything is literal except `'`, which closes, escapes and reopens. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function curlUrl(origin: string | null | undefined, token: string | null | undefined): string {
  if (!origin) return WEBHOOK_URL_PLACEHOLDER;
  return `${origin.replace(/\/+$/, "")}/api/webhooks/tribemade/${token ?? TOKEN_PLACEHOLDER}`;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The body as text that survives a shell argument and a clipboard: valid UTF-8 with no NUL and no
 * control characters other than tab and newline (a pasted escape sequence would drive the terminal,
 * a bare CR would hide what precedes it). Null when the bytes must travel another way.
 */
function pasteableText(body: Uint8Array): string | null {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    return null;
  }
  // A BOM is dropped by TextDecoder, so its bytes would be lost from the argument.
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return null;
  return /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/.test(text) ? null : text;
}

/**
 * A `printf` format that writes exactly these bytes: printable ASCII as itself, everything else as
 * a three-digit octal escape (POSIX printf; hex escapes are a bash extension that dash lacks).
 */
export function printfFormat(body: Uint8Array): string {
  let out = "";
  for (const byte of body) {
    if (byte === 0x25) out += "%%";
    else if (byte === 0x5c) out += "\\\\";
    else if (byte === 0x27 || byte < 0x20 || byte > 0x7e) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return out;
}

function contentType(headers: Record<string, string>): string | undefined {
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() === "content-type") return headers[name];
  }
  return undefined;
}

export function buildCurl({ body, headers, origin, token }: CurlInput): string {
  const type = contentType(headers);
  const lines = [`curl -sS -i -X POST ${shellQuote(curlUrl(origin, token))}`];
  // Without an explicit header curl would add its own form Content-Type; an empty value removes it.
  lines.push(`-H ${shellQuote(type === undefined ? "Content-Type:" : `Content-Type: ${type}`)}`);
  const text = pasteableText(body);
  // --data-raw never reads a file, even when the body starts with "@"; it sends the argument as is.
  if (text !== null) return [...lines, `--data-raw ${shellQuote(text)}`].join(" \\\n  ");
  return `printf ${shellQuote(printfFormat(body))} | ${[...lines, "--data-binary @-"].join(" \\\n  ")}`;
}
