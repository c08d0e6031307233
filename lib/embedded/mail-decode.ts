// Just enough MIME to show what the app sent in the local mail sink: headers (RFC 2047 words
// decoded), and the text/plain part (quoted-printable or base64) of a nodemailer message. A mail
// parser package would do more, but the only sender here is our own nodemailer with text and HTML.

export type SunkMail = {
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
};

export function decodeMail(raw: string, envelope: { from: string; to: string[] }): SunkMail {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = parseHeaders(head ?? "");
  const body = rest.join("\n\n");
  return {
    receivedAt: new Date().toISOString(),
    from: envelope.from,
    to: envelope.to,
    subject: decodeWords(headers["subject"] ?? ""),
    text: textPart(headers, body),
    headers,
  };
}

function parseHeaders(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  // Folded lines continue the header above them.
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) =>
    encoding.toLowerCase() === "b"
      ? Buffer.from(text, "base64").toString("utf8")
      : decodeQuotedPrintable(text.replace(/_/g, " ")),
  );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const clean = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < clean.length; i++) {
    if (clean[i] === "=" && /^[0-9A-F]{2}$/i.test(clean.slice(i + 1, i + 3))) {
      bytes.push(parseInt(clean.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(clean[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const encoding = (headers["content-transfer-encoding"] ?? "").toLowerCase();
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  return body;
}

function textPart(headers: Record<string, string>, body: string): string {
  const type = headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary) return decodeBody(headers, body).trim();
  for (const part of body.split(`--${boundary}`)) {
    const [partHead, ...partBody] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    const partHeaders = parseHeaders(partHead ?? "");
    if ((partHeaders["content-type"] ?? "").startsWith("text/plain"))
      return decodeBody(partHeaders, partBody.join("\n\n")).trim();
  }
  return "";
}
