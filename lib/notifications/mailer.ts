import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

// Email over SMTP (nodemailer): SMTP_URL and MAIL_FROM in production, the local mail sink under
// `npm start` and in tests (lib/embedded/mail-sink.ts). Without SMTP_URL email is off. The transport
// is a per-copy cache (docs: lib/process-singleton.ts): a second copy only opens its own connections.

export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };
export type MailAnswer = { startedAt: Date; latencyMs: number; error: string | null; permanent: boolean };

let transport: Transporter | null = null;

export function emailEnabled(): boolean {
  return Boolean(env.SMTP_URL && env.MAIL_FROM);
}

function transporter(timeoutMs: number): Transporter {
  transport ??= nodemailer.createTransport(env.SMTP_URL!, {
    from: env.MAIL_FROM,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return transport;
}

export async function sendMail(mail: Mail, timeoutMs: number): Promise<MailAnswer> {
  const startedAt = new Date();
  const started = performance.now();
  try {
    await transporter(timeoutMs).sendMail({ from: env.MAIL_FROM, ...mail });
    return { startedAt, latencyMs: Math.round(performance.now() - started), error: null, permanent: false };
  } catch (error) {
    // SMTP's 5xx replies are final (bad address, refused); 4xx and network trouble may pass.
    const code = (error as { responseCode?: number }).responseCode;
    return {
      startedAt,
      latencyMs: Math.round(performance.now() - started),
      error: code ? `SMTP server answered ${code}` : "Could not reach the SMTP server",
      permanent: code !== undefined && code >= 500,
    };
  }
}
