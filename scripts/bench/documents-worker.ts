// One measured run of the documents benchmark, in a process of its own so its peak RSS is its own
// (scripts/bench/documents.ts). BENCH_MODE:
//   seed      a merchant with 500 dispatched orders (Hindi and Latin names, tracking links);
//   labels    500 4×6 labels through printDocuments, the route's own code, streamed and counted;
//   baseline  pdfkit alone: 500 pages of one line of built-in Helvetica, the floor of any PDF.
// Both measured modes first make one database query and read the process's RSS there (floorMiB):
// Prisma's query compiler (WebAssembly) costs some 65 MiB on its first query, in every process
// that touches the database, so the job's own memory is the peak over that floor.
// Prints BENCH_RESULT {ms, bytes, pages, maxRssMiB, floorMiB}.
import { randomUUID } from "node:crypto";
import PDFDocument from "pdfkit";
import { db } from "../../lib/db";
import { printDocuments } from "../../lib/documents/print";

const ORDERS = 500;
const mode = process.env.BENCH_MODE;

async function seed() {
  const user = await db.user.create({
    data: { name: "Bench Owner", email: `bench-${randomUUID()}@example.in`, passwordHash: "x" },
  });
  const store = await db.store.create({ data: { name: "Bench Store" } });
  await db.membership.create({ data: { userId: user.id, storeId: store.id, role: "owner" } });
  await db.documentSettings.create({
    data: {
      storeId: store.id,
      senderName: "Bench Returns",
      senderAddress: "14, 2nd Cross, Indiranagar, Bengaluru",
      senderPincode: "560038",
    },
  });
  const names = ["राजेश कुमार शर्मा", "Ananya Iyer", "प्रिया सिंह", "Mohammed Farhan Qureshi"];
  await db.order.createMany({
    data: Array.from({ length: ORDERS }, (_, index) => ({
      storeId: store.id,
      tribemadeOrderId: randomUUID(),
      status: "dispatched" as const,
      customerName: names[index % names.length] as string,
      customerEmail: `c${index}@example.in`,
      customerPhone: `98765${String(index).padStart(5, "0")}`,
      customerPincode: "400001",
      customerAddress: "123, MG Road, Apartment 4B, Andheri East, Mumbai, Maharashtra",
      amount: "1299.00",
      quantity: 1 + (index % 3),
      productId: "bench-product",
      productName: "Masala Chai Gift Box",
      trackingUrl: `https://www.delhivery.com/track/package/16100000${String(index).padStart(5, "0")}`,
      payload: {},
    })),
  });
  return { storeId: store.id };
}

const rssMiB = () => process.memoryUsage().rss / 2 ** 20;

async function firstMember() {
  return db.membership.findFirstOrThrow({
    select: { role: true, user: { select: { id: true, name: true, email: true } }, store: { select: { id: true, name: true } } },
  });
}

async function labels() {
  const membership = await firstMember();
  const floorMiB = rssMiB();
  const started = performance.now();
  const job = await printDocuments(membership, {
    document: "label",
    target: { kind: "filter", filters: { status: "dispatched" } },
    states: {},
  });
  let bytes = 0;
  for await (const chunk of job.stream) bytes += chunk.byteLength;
  return { ms: performance.now() - started, bytes, pages: job.count, floorMiB };
}

async function baseline() {
  await firstMember();
  const floorMiB = rssMiB();
  const started = performance.now();
  const doc = new PDFDocument({ autoFirstPage: false });
  let bytes = 0;
  doc.on("data", (chunk: Buffer) => void (bytes += chunk.length));
  const ended = new Promise((resolve) => doc.on("end", resolve));
  for (let page = 0; page < ORDERS; page++)
    doc
      .addPage({ size: [288, 432], margin: 12 })
      .font("Helvetica")
      .text(`Order ${page}`);
  doc.end();
  await ended;
  return { ms: performance.now() - started, bytes, pages: ORDERS, floorMiB };
}

async function main() {
  const result = mode === "seed" ? await seed() : mode === "labels" ? await labels() : await baseline();
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(`BENCH_RESULT ${JSON.stringify({ ...result, maxRssMiB })}`);
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
