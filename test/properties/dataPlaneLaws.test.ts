import { addDays } from "date-fns";
import fc from "fast-check";
import type { ResultAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import type { KmsError } from "../../src/domain/kmsError.js";
import { expectError, type Harness, kmsHarness, material } from "../support/kmsHarness.js";

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

/** Strings of any Unicode text (well-formed UTF-16), and a few keys that objects treat specially. */
const contextString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const contextKey = fc.oneof(
  { weight: 8, arbitrary: contextString },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "toString", "", "0", "10") },
);
const encryptionContext = fc.dictionary(contextKey, contextString, { maxKeys: 8 });
const plaintext = fc.uint8Array({ minLength: 1, maxLength: 4096 });

/** The same pairs inserted in the opposite order. */
function reordered(context: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [key, value] of Object.entries(context).reverse()) {
    Object.defineProperty(copy, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

const dataPlaneOperations = [
  "Encrypt",
  "Decrypt",
  "GenerateDataKey",
  "GenerateDataKeyWithoutPlaintext",
] as const;
type DataPlaneOperation = (typeof dataPlaneOperations)[number];

/** A ciphertext made while the key was Enabled, and what it must decrypt to. */
interface MadeCiphertext {
  readonly CiphertextBlob: Uint8Array;
  readonly Plaintext: Uint8Array;
  readonly EncryptionContext: Readonly<Record<string, string>>;
}

/** `bytes` with bit `bit` (0 = the most significant bit of byte 0) flipped. */
function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const flipped = Uint8Array.from(bytes);
  const index = Math.floor(bit / 8);
  flipped[index] = (flipped[index] ?? 0) ^ (0x80 >> (bit % 8));
  return flipped;
}

/** An EXTERNAL key with `bytes` imported to expire in `days` days (or never). */
async function importedKey(h: Harness, bytes: Uint8Array, days: number | "never" = "never") {
  const KeyId = await h.externalKey();
  (await h.importMaterial(KeyId, bytes, days))._unsafeUnwrap();
  return KeyId;
}

describe("data-plane laws (decisions 4, 6, 12 and 14)", () => {
  it("decrypt(encrypt(x, ctx), ctx) = x while the key is Enabled", async () => {
    const h = kmsHarness();
    const keys = {
      EXTERNAL: await importedKey(h, material()),
      AWS_KMS: (await h.kms.createKey({ Origin: "AWS_KMS" }))._unsafeUnwrap().KeyMetadata.KeyId,
    };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("EXTERNAL", "AWS_KMS"),
        fc.oneof(
          fc.record({ operation: fc.constant("Encrypt"), plaintext }),
          fc.record({
            operation: fc.constantFrom("GenerateDataKey", "GenerateDataKeyWithoutPlaintext"),
            numberOfBytes: fc.integer({ min: 1, max: 1024 }),
          }),
        ),
        encryptionContext,
        async (origin, made, EncryptionContext) => {
          const KeyId = keys[origin];
          let CiphertextBlob: Uint8Array;
          let expected: Uint8Array | number;
          if (made.operation === "Encrypt") {
            const response = await h.kms.encrypt({
              KeyId,
              Plaintext: made.plaintext,
              EncryptionContext,
            });
            CiphertextBlob = response._unsafeUnwrap().CiphertextBlob;
            expected = made.plaintext;
          } else if (made.operation === "GenerateDataKey") {
            const response = (
              await h.kms.generateDataKey({
                KeyId,
                NumberOfBytes: made.numberOfBytes,
                EncryptionContext,
              })
            )._unsafeUnwrap();
            CiphertextBlob = response.CiphertextBlob;
            expected = response.Plaintext;
            expect(response.Plaintext).toHaveLength(made.numberOfBytes);
          } else {
            const response = await h.kms.generateDataKeyWithoutPlaintext({
              KeyId,
              NumberOfBytes: made.numberOfBytes,
              EncryptionContext,
            });
            CiphertextBlob = response._unsafeUnwrap().CiphertextBlob;
            expected = made.numberOfBytes;
          }
          for (const context of [EncryptionContext, reordered(EncryptionContext)]) {
            const decrypted = (
              await h.kms.decrypt({ CiphertextBlob, EncryptionContext: context })
            )._unsafeUnwrap();
            if (typeof expected === "number") expect(decrypted.Plaintext).toHaveLength(expected);
            else expect(hex(decrypted.Plaintext)).toBe(hex(expected));
          }
        },
      ),
    );
  });

  it("after expiry every data-plane call on the key fails with KMSInvalidStateException, and after reimport of the same material every earlier ciphertext decrypts again", async () => {
    const h = kmsHarness();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 365 }),
        fc.integer({ min: 0, max: 24 * 30 }),
        fc.boolean(),
        fc.array(fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 256 }), encryptionContext), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom(...dataPlaneOperations),
        fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
        async (validDays, overshootHours, disableFirst, values, firstToSeeExpiry, reimportDays) => {
          const bytes = material();
          const KeyId = await importedKey(h, bytes, validDays);
          const arn = `arn:aws:kms:us-east-1:111122223333:key/${KeyId}`;
          const made: MadeCiphertext[] = [];
          for (const [Plaintext, EncryptionContext] of values) {
            const { CiphertextBlob } = (
              await h.kms.encrypt({ KeyId, Plaintext, EncryptionContext })
            )._unsafeUnwrap();
            made.push({ CiphertextBlob, Plaintext, EncryptionContext });
          }
          const dataKey = (
            await h.kms.generateDataKey({ KeyId, KeySpec: "AES_256" })
          )._unsafeUnwrap();
          made.push({ ...dataKey, EncryptionContext: {} });
          // docs/decisions/0006-losing-material-means-pending-import.md: a deliberate disable does not survive expiry.
          if (disableFirst) (await h.kms.disableKey({ KeyId }))._unsafeUnwrap();

          h.clock.advance({ days: validDays, hours: overshootHours });
          // One thunk per call, run one after the other in `order`.
          const calls: Record<DataPlaneOperation, (() => ResultAsync<unknown, KmsError>)[]> = {
            Encrypt: [() => h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1) })],
            GenerateDataKey: [() => h.kms.generateDataKey({ KeyId, KeySpec: "AES_256" })],
            GenerateDataKeyWithoutPlaintext: [
              () => h.kms.generateDataKeyWithoutPlaintext({ KeyId, NumberOfBytes: 16 }),
            ],
            Decrypt: made.map(
              ({ CiphertextBlob, EncryptionContext }) =>
                () =>
                  h.kms.decrypt({ CiphertextBlob, EncryptionContext }),
            ),
          };
          const order = [
            firstToSeeExpiry,
            ...dataPlaneOperations.filter((o) => o !== firstToSeeExpiry),
          ];
          for (const operation of order) {
            for (const call of calls[operation]) {
              const error = expectError(await call(), "KMSInvalidStateException");
              expect(error.message, operation).toBe(`${arn} is pending import.`);
            }
          }
          const expiries = h.audit.filter(
            (e) => e.keyArn === arn && e.eventName === "DeleteExpiredKeyMaterial",
          );
          expect(expiries).toHaveLength(1);

          (await h.importMaterial(KeyId, bytes, reimportDays ?? "never"))._unsafeUnwrap();
          for (const { CiphertextBlob, Plaintext, EncryptionContext } of made) {
            const decrypted = await h.kms.decrypt({ CiphertextBlob, EncryptionContext });
            expect(hex(decrypted._unsafeUnwrap().Plaintext)).toBe(hex(Plaintext));
          }
        },
      ),
    );
  });

  it("no flipped bit of a ciphertext is ever accepted", async () => {
    const h = kmsHarness();
    const KeyId = await importedKey(h, material());
    const EncryptionContext = { purpose: "bit flips" };

    // Exhaustively: every bit of one ciphertext.
    const { CiphertextBlob } = (
      await h.kms.encrypt({ KeyId, Plaintext: Uint8Array.of(1, 2, 3, 4), EncryptionContext })
    )._unsafeUnwrap();
    expect(await h.kms.decrypt({ CiphertextBlob, EncryptionContext })).toBeOk();
    for (let bit = 0; bit < CiphertextBlob.length * 8; bit++) {
      const result = await h.kms.decrypt({
        CiphertextBlob: flipBit(CiphertextBlob, bit),
        EncryptionContext,
      });
      if (!result.isErr() || result.error.name !== "InvalidCiphertextException") {
        expect.fail(`bit ${bit}: ${result.isOk() ? "accepted" : result.error.name}`);
      }
    }

    // And any bit of ciphertexts of any plaintext, context and operation.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(plaintext, fc.constant(undefined)),
        encryptionContext,
        fc.nat(),
        async (bytes, context, bit) => {
          const blob =
            bytes === undefined
              ? (
                  await h.kms.generateDataKeyWithoutPlaintext({
                    KeyId,
                    KeySpec: "AES_256",
                    EncryptionContext: context,
                  })
                )._unsafeUnwrap().CiphertextBlob
              : (
                  await h.kms.encrypt({ KeyId, Plaintext: bytes, EncryptionContext: context })
                )._unsafeUnwrap().CiphertextBlob;
          const flipped = flipBit(blob, bit % (blob.length * 8));
          expectError(
            await h.kms.decrypt({ CiphertextBlob: flipped, EncryptionContext: context }),
            "InvalidCiphertextException",
          );
        },
      ),
    );
  });

  it("no flipped bit of an import token is ever accepted", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(KeyId, material());
    const ValidTo = addDays(h.clock.now(), 30);
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (bit) => {
        const flipped = flipBit(ImportToken, bit % (ImportToken.length * 8));
        expectError(
          await h.kms.importKeyMaterial({
            KeyId,
            ImportToken: flipped,
            EncryptedKeyMaterial,
            ValidTo,
          }),
          "InvalidImportTokenException",
        );
        expect(await h.stateOf(KeyId)).toBe("PendingImport");
      }),
    );
    // The token itself was good and is still unspent: failed attempts do not spend it (docs/decisions/0007-single-use-import-tokens.md).
    const imported = await h.kms.importKeyMaterial({
      KeyId,
      ImportToken,
      EncryptedKeyMaterial,
      ValidTo,
    });
    expect(imported).toBeOk();
  });
});
