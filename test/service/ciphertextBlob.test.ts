import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KeyId } from "../../src/domain/keyId.js";
import type { KeyMaterialId } from "../../src/domain/keyMaterialId.js";
import {
  ciphertextAdditionalData,
  ciphertextBlob,
  ciphertextHeader,
  parseCiphertextBlob,
} from "../../src/service/ciphertextBlob.js";

const header = Uint8Array.from({ length: 49 }, (_, i) => i);

/**
 * The format as first written: every string UTF-8 encoded on its own, the pairs sorted by the
 * bytes of the key, each string after its length as 4 bytes big-endian. Ciphertexts made under
 * it must keep decrypting, so the encoder must produce exactly these bytes.
 */
function referenceAdditionalData(context: Record<string, string>): Buffer {
  const pairs = Object.entries(context)
    .map(([key, value]) => [Buffer.from(key, "utf8"), Buffer.from(value, "utf8")] as const)
    .sort(([a], [b]) => Buffer.compare(a, b));
  const count = Buffer.alloc(4);
  count.writeUInt32BE(pairs.length);
  const parts: Buffer[] = [Buffer.from(header), count];
  for (const pair of pairs) {
    for (const text of pair) {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(text.length);
      parts.push(length, text);
    }
  }
  return Buffer.concat(parts);
}

const wellFormed = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }).filter((text) => !/\p{Cs}/u.test(text)),
);

describe("ciphertextAdditionalData", () => {
  it("is the header, the pair count, then each key and value length-prefixed, keys in order", () => {
    const bytes = ciphertextAdditionalData(header, { b: "2", a: "1" });
    expect(Buffer.from(bytes).subarray(49).toString("hex")).toBe(
      "00000002" + "00000001" + "61" + "00000001" + "31" + "00000001" + "62" + "00000001" + "32",
    );
    expect(Buffer.from(bytes).subarray(0, 49)).toEqual(Buffer.from(header));
  });

  it("orders keys by their UTF-8 bytes, so a supplementary character sorts after U+E000", () => {
    const context = { "𝄞": "x", "\uE000": "y", é: "ü" };
    expect(Buffer.from(ciphertextAdditionalData(header, context))).toEqual(
      referenceAdditionalData(context),
    );
    expect(Object.keys(context).sort()).toEqual(["é", "𝄞", "\uE000"]); // not UTF-16 order
  });

  it("encodes every context exactly as the format's reference does, in any member order", () => {
    fc.assert(
      fc.property(fc.dictionary(wellFormed, wellFormed, { maxKeys: 6 }), (context) => {
        const reversed = Object.fromEntries(Object.entries(context).reverse());
        const expected = referenceAdditionalData(context);
        expect(Buffer.from(ciphertextAdditionalData(header, context))).toEqual(expected);
        expect(Buffer.from(ciphertextAdditionalData(header, reversed))).toEqual(expected);
      }),
    );
  });
});

describe("parseCiphertextBlob", () => {
  it("reads back the key ID, key material ID, header and body a blob was made of", () => {
    const hex = (length: number) =>
      fc.string({
        unit: fc.constantFrom(..."0123456789abcdef"),
        minLength: length,
        maxLength: length,
      });
    fc.assert(
      fc.property(
        fc.uuid(),
        hex(64),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        (keyId, materialId, body) => {
          const header = ciphertextHeader(keyId as KeyId, materialId as KeyMaterialId);
          const parsed = parseCiphertextBlob(ciphertextBlob(header, body))._unsafeUnwrap();
          expect(parsed.keyId).toBe(keyId);
          expect(parsed.keyMaterialId).toBe(materialId);
          expect(parsed.header).toEqual(header);
          expect(parsed.body).toEqual(body);
        },
      ),
    );
  });
});
