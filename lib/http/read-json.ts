import "server-only";
import { AppError } from "@/lib/http/app-error";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/http/body-limit";

// A route handler's JSON body, read with a cap. `request.json()` buffers whatever arrives; the
// production server refuses bodies over 1 MiB before Next.js (lib/http/body-limit.ts), but
// `next start`, `next dev` and Vercel (4.5 MB) do not, so handlers that parse JSON use this.

/** The parsed body; 413 past `cap` bytes (declared or received), 400 when it is not JSON. */
export async function readJson(request: Request, cap = MAX_REQUEST_BODY_BYTES): Promise<unknown> {
  const tooLarge = new AppError("payload_too_large", `The request body exceeds ${cap} bytes.`);
  if (Number(request.headers.get("content-length") ?? 0) > cap) throw tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > cap) {
        // Stop the upload instead of draining it; an already-closed stream may refuse to cancel.
        await reader.cancel().catch(() => {});
        throw tooLarge;
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks, size).toString("utf8")) as unknown;
  } catch {
    throw new AppError("invalid_json", "The request body is not JSON.");
  }
}
