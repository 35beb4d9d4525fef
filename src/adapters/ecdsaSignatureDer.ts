/** The DER `SEQUENCE { INTEGER r, INTEGER s }` of an ECDSA signature, as `crypto.sign` makes it. */
export function encodeEcdsaSignature(r: bigint, s: bigint): Uint8Array {
  const body = Buffer.concat([derInteger(r), derInteger(s)]);
  return new Uint8Array(Buffer.concat([Buffer.of(0x30), derLength(body.length), body]));
}

/** A positive INTEGER: minimal big-endian bytes, with a 0x00 first when the top bit is set. */
function derInteger(value: bigint): Buffer {
  const hex = value.toString(16);
  const bytes = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, "hex");
  const content = (bytes[0] ?? 0) >= 0x80 ? Buffer.concat([Buffer.of(0x00), bytes]) : bytes;
  return Buffer.concat([Buffer.of(0x02), derLength(content.length), content]);
}

/** A DER length below 256 (a P-521 signature's body is at most 138 bytes). */
const derLength = (length: number): Buffer =>
  length < 0x80 ? Buffer.of(length) : Buffer.of(0x81, length);

/** r and s of a strict DER signature with both in [1, n − 1] and nothing after it, or undefined. */
export function decodeEcdsaSignature(
  der: Uint8Array,
  n: bigint,
): { r: bigint; s: bigint } | undefined {
  const sequence = element(der, 0, 0x30);
  if (sequence === undefined || sequence.end !== der.length) return undefined;
  const first = element(der, sequence.start, 0x02);
  const second = first && element(der, first.end, 0x02);
  if (first === undefined || second === undefined || second.end !== sequence.end) {
    return undefined;
  }
  const r = unsigned(der.subarray(first.start, first.end));
  const s = unsigned(der.subarray(second.start, second.end));
  if (r === undefined || s === undefined) return undefined;
  return r > 0n && r < n && s > 0n && s < n ? { r, s } : undefined;
}

/**
 * Where the contents of the DER element tagged `tag` at `offset` lie, or undefined when there
 * is none or its length is not in minimal definite form below 256 (no signature needs more).
 */
function element(
  der: Uint8Array,
  offset: number,
  tag: number,
): { start: number; end: number } | undefined {
  if (der[offset] !== tag) return undefined;
  const first = der[offset + 1];
  if (first === undefined) return undefined;
  let length = first;
  let start = offset + 2;
  if (first >= 0x80) {
    const long = der[offset + 2];
    if (first !== 0x81 || long === undefined || long < 0x80) return undefined;
    length = long;
    start = offset + 3;
  }
  const end = start + length;
  return end <= der.length ? { start, end } : undefined;
}

/** The value of INTEGER contents that are minimal and non-negative, or undefined. */
function unsigned(content: Uint8Array): bigint | undefined {
  const [first, second] = content;
  if (first === undefined || first >= 0x80) return undefined;
  if (first === 0x00 && second !== undefined && second < 0x80) return undefined;
  return BigInt(`0x${Buffer.from(content).toString("hex")}`);
}
