/**
 * Concatenates `parts` into a Buffer with memory of its own. `Buffer.concat` answers small
 * results with a slice of Node's shared 8 KiB pool, whose `.buffer` shows whatever else lives
 * there (another caller's plaintext); what kms-byok hands out must never be such a slice.
 */
export function ownBuffer(parts: readonly Uint8Array[]): Buffer {
  const out = Buffer.from(new ArrayBuffer(parts.reduce((n, part) => n + part.byteLength, 0)));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}
