// A local SMTP server that keeps what it is sent, for `npm start`, `npm run dev` and the tests: the
// app mails through real SMTP (nodemailer) to it, never to the outside world. Its HTTP side lists
// the messages (GET /messages, newest first; DELETE /messages empties it) for a person checking what was sent
// and the tests. In memory: a restart forgets them, like the simulator.
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { decodeMail, type SunkMail } from "./mail-decode";

export type MailSink = {
  /** smtp://127.0.0.1:<port>: the app's SMTP_URL. */
  smtpUrl: string;
  /** http://127.0.0.1:<port>: the app's MAIL_SINK_URL. */
  url: string;
  messages: () => SunkMail[];
  stop: () => Promise<void>;
};

/** At most this many are kept (oldest dropped): a demo left running for days stays small. */
const KEEP = 500;

export async function startMailSink(): Promise<MailSink> {
  const messages: SunkMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.unshift(decodeMail(Buffer.concat(chunks).toString("utf8"), { from, to }));
        messages.splice(KEEP);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const http: Server = createHttpServer((req, res) => {
    if (req.url === "/messages" && req.method === "DELETE") messages.length = 0;
    if (req.url !== "/messages") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ messages }));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const httpPort = (http.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    url: `http://127.0.0.1:${httpPort}`,
    messages: () => [...messages],
    stop: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
