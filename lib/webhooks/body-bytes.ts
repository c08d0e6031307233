// Decoding a stored body for display. The bytes are the truth; text is a view of them.

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export type DecodedBody = {
  bytes: Uint8Array;
  /** UTF-8 text; invalid sequences become U+FFFD when `validUtf8` is false. */
  text: string;
  validUtf8: boolean;
  /** The parsed JSON, when the text is JSON. */
  json: { ok: true; value: unknown } | { ok: false; error: string };
};

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

export function decodeBody(bytes: Uint8Array): DecodedBody {
  let text: string;
  let validUtf8 = true;
  try {
    text = strict.decode(bytes);
  } catch {
    text = lenient.decode(bytes);
    validUtf8 = false;
  }
  let json: DecodedBody["json"];
  try {
    // Ingest decodes with a BOM-stripping decoder, so a leading BOM does not make a body "not JSON".
    json = { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (error) {
    json = { ok: false, error: error instanceof Error ? error.message : "not JSON" };
  }
  return { bytes, text, validUtf8, json };
}

/** Classic hexdump lines: offset, 16 bytes in hex, the printable ASCII. */
export function hexDump(bytes: Uint8Array, limit = bytes.length): string {
  const lines: string[] = [];
  const end = Math.min(limit, bytes.length);
  for (let offset = 0; offset < end; offset += 16) {
    const row = bytes.subarray(offset, Math.min(offset + 16, end));
    const hex = Array.from(row, (byte) => byte.toString(16).padStart(2, "0"));
    const left = hex.slice(0, 8).join(" ");
    const right = hex.slice(8).join(" ");
    const ascii = Array.from(row, (byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : ".")).join("");
    lines.push(`${offset.toString(16).padStart(8, "0")}  ${left.padEnd(23)}  ${right.padEnd(23)}  |${ascii}|`);
  }
  return lines.join("\n");
}
