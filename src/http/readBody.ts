import { Buffer } from "node:buffer";
import type { IncomingMessage } from "node:http";

/** Why a body could not be read: it went past the limit, or the client went away. */
export type UnreadBody = "too large" | "aborted";

/**
 * Reads a request body to its end. Past `limit` bytes the rest is still read, and dropped, so
 * that the client gets its answer.
 */
export function readBody(
  request: IncomingMessage,
  limit: number,
): Promise<Uint8Array | UnreadBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    request.on("data", (chunk: Buffer) => {
      length += chunk.byteLength;
      if (length <= limit) chunks.push(chunk);
    });
    request.on("end", () => {
      if (length > limit) resolve("too large");
      // One chunk, as a small body comes, is the body: no copy.
      else resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
    });
    request.on("error", () => resolve("aborted"));
    request.on("close", () => resolve("aborted"));
  });
}
