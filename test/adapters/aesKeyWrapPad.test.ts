import { createCipheriv, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aesKeyUnwrapPad, aesKeyWrapPad } from "../../src/adapters/aesKeyWrapPad.js";

const hex = (text: string): Buffer => Buffer.from(text, "hex");

/** Known answers: RFC 5649 §6 (192-bit KEK) and NIST CAVP KWP (AE, 256- and 128-bit KEKs). */
const knownAnswers = [
  {
    source: "RFC 5649 §6, 20 bytes",
    kek: "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8",
    plaintext: "c37b7e6492584340bed12207808941155068f738",
    wrapped: "138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a",
  },
  {
    source: "RFC 5649 §6, 7 bytes",
    kek: "5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8",
    plaintext: "466f7250617369",
    wrapped: "afbeb0f07dfbf5419200f2ccb50bb24f",
  },
  {
    source: "NIST CAVP KWP AES-256, 3 bytes",
    kek: "6D60C0D0941CF3750B864C6F1FA580AE074C00EDEB386F9FC299178A70FCCCD1",
    plaintext: "6B54A0",
    wrapped: "24255140B4A9F8A9E35B9DA2BFA0E0C3",
  },
  {
    source: "NIST CAVP KWP AES-256, 8 bytes",
    kek: "EB950B844B97145A594B7F91AA81844045874AAA46DB522CF91144F63A6FED37",
    plaintext: "A4CE3F7D7C49B11A",
    wrapped: "F5939D472407E28EE6D7269FA75DAC88",
  },
  {
    source: "NIST CAVP KWP AES-256, 16 bytes",
    kek: "314A549913256A71C6348EAAB9B85EFC755FE736568F0DBC9F6F8BC3CA3D12EE",
    plaintext: "3B700E9682275D8DBE61CA7C1EC900E8",
    wrapped: "70C684C49112AD8B8C3E13B99992127B58DCB9B59CE5C3FD",
  },
  {
    source: "NIST CAVP KWP AES-256, 18 bytes",
    kek: "F2882A99E67FD1F0E024D2E973EE55BF2AE94D6798BC3B3A7EF94BFC9197A7F6",
    plaintext: "13CDD6837C4C40FDE0B9EC150093713771AC",
    wrapped: "D096D3702EA4252DA0D36666D01F1F450BCD26C87814A8041F8EEFD229EC4828",
  },
  {
    source: "NIST CAVP KWP AES-128, 3 bytes",
    kek: "AF83AE6624FC006DA13B3C37B8A5933B",
    plaintext: "13126A",
    wrapped: "A661F530339C9F344FA4755AD4CC3558",
  },
] as const;

const kek256 = hex("314A549913256A71C6348EAAB9B85EFC755FE736568F0DBC9F6F8BC3CA3D12EE");

/**
 * A hand-made RFC 5649 block under `kek` (AES-256): the 8-byte prefix `AIV ‖ MLI` followed by
 * `padded` (a multiple of 8 bytes), encrypted as RFC 5649 §4.1 says — one AES block for 8 bytes,
 * otherwise the RFC 3394 wrap with that prefix as its IV. Lets a test set a wrong MLI or padding.
 */
function handMadeWrap(kek: Buffer, aiv: string, mli: number, padded: Buffer): Buffer {
  const prefix = Buffer.alloc(8);
  hex(aiv).copy(prefix, 0);
  prefix.writeUInt32BE(mli, 4);
  if (padded.length === 8) {
    const cipher = createCipheriv("aes-256-ecb", kek, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([prefix, padded])), cipher.final()]);
  }
  const cipher = createCipheriv("id-aes256-wrap", kek, prefix);
  return Buffer.concat([cipher.update(padded), cipher.final()]);
}

describe("aesKeyWrapPad", () => {
  it.each(knownAnswers)("wraps the $source known answer", ({ kek, plaintext, wrapped }) => {
    expect(aesKeyWrapPad(hex(kek), hex(plaintext)).toString("hex")).toBe(wrapped.toLowerCase());
  });

  it("wraps to 8·⌈n/8⌉ + 8 bytes: 40 bytes for 32 bytes of key material", () => {
    expect(aesKeyWrapPad(randomBytes(32), randomBytes(32))).toHaveLength(40);
    expect(aesKeyWrapPad(randomBytes(32), randomBytes(33))).toHaveLength(48);
    expect(aesKeyWrapPad(randomBytes(32), randomBytes(1))).toHaveLength(16);
  });

  it("is not the RFC 3394 wrap, even for 32 bytes", () => {
    const kek = randomBytes(32);
    const plaintext = randomBytes(32);
    const cipher = createCipheriv("id-aes256-wrap", kek, hex("A6A6A6A6A6A6A6A6"));
    const rfc3394 = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    expect(rfc3394).toHaveLength(40);
    expect(aesKeyWrapPad(kek, plaintext).equals(rfc3394)).toBe(false);
  });

  it("throws TypeError for a key-encryption key of 20 bytes", () => {
    expect(() => aesKeyWrapPad(randomBytes(20), randomBytes(32))).toThrow(TypeError);
  });

  it("throws TypeError for empty plaintext, which RFC 5649 cannot wrap", () => {
    expect(() => aesKeyWrapPad(randomBytes(32), new Uint8Array(0))).toThrow(TypeError);
  });

  it("law: unwrap(wrap(x)) = x for 1 to 512 bytes under a 128-, 192- or 256-bit KEK", () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(16, 24, 32)
          .chain((size) => fc.uint8Array({ minLength: size, maxLength: size })),
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        (kek, plaintext) => {
          const wrapped = aesKeyWrapPad(kek, plaintext);
          expect(wrapped).toHaveLength(8 * Math.ceil(plaintext.length / 8) + 8);
          expect(aesKeyUnwrapPad(kek, wrapped)).toEqual(Buffer.from(plaintext));
        },
      ),
    );
  });
});

describe("aesKeyUnwrapPad", () => {
  it.each(knownAnswers)("unwraps the $source known answer", ({ kek, plaintext, wrapped }) => {
    expect(aesKeyUnwrapPad(hex(kek), hex(wrapped))?.toString("hex")).toBe(plaintext.toLowerCase());
  });

  it("returns undefined for the NIST CAVP KWP AES-128 integrity failure (last byte 59 instead of 58)", () => {
    const kek = hex("AF83AE6624FC006DA13B3C37B8A5933B");
    expect(aesKeyUnwrapPad(kek, hex("A661F530339C9F344FA4755AD4CC3558"))).toBeDefined();
    expect(aesKeyUnwrapPad(kek, hex("A661F530339C9F344FA4755AD4CC3559"))).toBeUndefined();
  });

  it("refuses an RFC 3394 wrap (IV A6A6A6A6A6A6A6A6) of 32 bytes", () => {
    const plaintext = randomBytes(32);
    const cipher = createCipheriv("id-aes256-wrap", kek256, hex("A6A6A6A6A6A6A6A6"));
    const rfc3394 = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    expect(rfc3394).toHaveLength(40);
    expect(aesKeyUnwrapPad(kek256, rfc3394)).toBeUndefined();
  });

  it.each([16, 24, 32])("refuses a wrap made under another %i-byte KEK", (size) => {
    const wrapped = aesKeyWrapPad(randomBytes(32), randomBytes(32));
    expect(aesKeyUnwrapPad(randomBytes(size), wrapped)).toBeUndefined();
  });

  it.each([0, 1, 8, 15, 16, 24, 32, 39])(
    "refuses a 40-byte wrap truncated to %i bytes",
    (length) => {
      const wrapped = aesKeyWrapPad(kek256, randomBytes(32));
      expect(aesKeyUnwrapPad(kek256, wrapped)).toBeDefined();
      expect(aesKeyUnwrapPad(kek256, wrapped.subarray(0, length))).toBeUndefined();
    },
  );

  it("refuses a wrap with 8 bytes appended", () => {
    const wrapped = aesKeyWrapPad(kek256, randomBytes(32));
    expect(aesKeyUnwrapPad(kek256, Buffer.concat([wrapped, randomBytes(8)]))).toBeUndefined();
  });

  it("accepts a hand-made RFC 5649 block, so the refusals below are about the one changed field", () => {
    const plaintext = randomBytes(20);
    const made = handMadeWrap(kek256, "A65959A6", 20, Buffer.concat([plaintext, Buffer.alloc(4)]));
    expect(made.equals(aesKeyWrapPad(kek256, plaintext))).toBe(true);
    const short = hex("13126A");
    const single = handMadeWrap(kek256, "A65959A6", 3, Buffer.concat([short, Buffer.alloc(5)]));
    expect(aesKeyUnwrapPad(kek256, single)).toEqual(short);
  });

  it.each([
    ["non-zero padding", "A65959A6", 20, 20, "00000001"],
    ["a length indicator beyond the padded length (25 of 24)", "A65959A6", 25, 24, ""],
    [
      "a length indicator that leaves a whole block of padding (16 of 24)",
      "A65959A6",
      16,
      16,
      "0000000000000000",
    ],
    ["the RFC 3394 IV prefix A6A6A6A6", "A6A6A6A6", 20, 20, "00000000"],
  ] as const)("refuses a 24-byte block with %s", (_, aiv, mli, dataLength, padding) => {
    const padded = Buffer.concat([randomBytes(dataLength), hex(padding)]);
    expect(padded).toHaveLength(24);
    expect(aesKeyUnwrapPad(kek256, handMadeWrap(kek256, aiv, mli, padded))).toBeUndefined();
  });

  it.each([
    ["non-zero padding", 3, "13126A0000000009"],
    ["a length indicator of 9 in one 8-byte block", 9, "13126A0000000000"],
    ["a length indicator of 0", 0, "0000000000000000"],
  ] as const)("refuses a single-block wrap with %s", (_, mli, padded) => {
    expect(
      aesKeyUnwrapPad(kek256, handMadeWrap(kek256, "A65959A6", mli, hex(padded))),
    ).toBeUndefined();
  });

  it("throws TypeError for a key-encryption key of 20 bytes", () => {
    const wrapped = aesKeyWrapPad(kek256, randomBytes(32));
    expect(() => aesKeyUnwrapPad(randomBytes(20), wrapped)).toThrow(TypeError);
  });

  it("law: any changed bit of a wrap makes unwrap refuse it", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (plaintext, at, bit) => {
          const wrapped = aesKeyWrapPad(kek256, plaintext);
          const index = at % wrapped.length;
          wrapped[index] = (wrapped[index] ?? 0) ^ (1 << bit);
          expect(aesKeyUnwrapPad(kek256, wrapped)).toBeUndefined();
        },
      ),
    );
  });
});
