import type { ResultAsync } from "neverthrow";
import { describe, expect, it, vi } from "vitest";
import type { KmsError, KmsErrorName } from "../../src/domain/kmsError.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { expectError, kmsHarness, material } from "../support/kmsHarness.js";

const unknownId = "00000000-0000-4000-8000-000000000000";
const mrk = `mrk-${"0f".repeat(16)}`;
const wrapping = { WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048" } as const;

type Call = (
  kms: Kms,
  KeyId: string,
  token: { ImportToken: Uint8Array; EncryptedKeyMaterial: Uint8Array },
) => ResultAsync<unknown, KmsError>;

/** Every operation that takes a key ID or key ARN only (docs/decisions/0009-key-id-or-key-arn-only.md). */
const keyIdOnly: [string, Call][] = [
  ["getParametersForImport", (kms, KeyId) => kms.getParametersForImport({ KeyId, ...wrapping })],
  [
    "importKeyMaterial",
    (kms, KeyId, token) =>
      kms.importKeyMaterial({ KeyId, ...token, ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" }),
  ],
  ["deleteImportedKeyMaterial", (kms, KeyId) => kms.deleteImportedKeyMaterial({ KeyId })],
  ["enableKey", (kms, KeyId) => kms.enableKey({ KeyId })],
  ["disableKey", (kms, KeyId) => kms.disableKey({ KeyId })],
  ["scheduleKeyDeletion", (kms, KeyId) => kms.scheduleKeyDeletion({ KeyId })],
  ["cancelKeyDeletion", (kms, KeyId) => kms.cancelKeyDeletion({ KeyId })],
];

const references: [string, string, KmsErrorName, string | undefined][] = [
  [
    "an alias",
    "alias/x",
    "InvalidArnException",
    "Key Aliases are not supported for this operation.",
  ],
  [
    "an alias ARN",
    "arn:aws:kms:us-east-1:111122223333:alias/x",
    "InvalidArnException",
    "Key Aliases are not supported for this operation.",
  ],
  ["a malformed key ID", "1234", "NotFoundException", "Invalid keyId '1234'"],
  [
    "a key ARN of another Region",
    `arn:aws:kms:us-west-2:111122223333:key/${unknownId}`,
    "NotFoundException",
    "Invalid arn us-west-2",
  ],
  [
    "a key ARN of another account",
    `arn:aws:kms:us-east-1:444455556666:key/${unknownId}`,
    "AccessDeniedException",
    undefined,
  ],
  ["a multi-Region key ID", mrk, "UnsupportedOperationException", undefined],
  [
    "a well-formed key that does not exist",
    unknownId,
    "NotFoundException",
    `Key 'arn:aws:kms:us-east-1:111122223333:key/${unknownId}' does not exist`,
  ],
];

const cases = keyIdOnly.flatMap(([op, call]) =>
  references.map(([what, KeyId, name, message]) => ({ op, call, what, KeyId, name, message })),
);

describe("createKms", () => {
  it.each(cases)("$op answers $what with $name", async ({ call, KeyId, name, message }) => {
    const h = kmsHarness();
    const { ImportToken, EncryptedKeyMaterial } = await h.wrapFor(
      await h.externalKey(),
      material(),
    );
    const result = (await call(h.kms, KeyId, { ImportToken, EncryptedKeyMaterial })) as Parameters<
      typeof expectError
    >[0];
    const error = expectError(result, name);
    if (message !== undefined) expect(error.message).toBe(message);
  });

  it("serves account 111122223333 in us-east-1 by default", async () => {
    const kms = createKms({ crypto: testCrypto() });
    const { Arn, AWSAccountId } = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap()
      .KeyMetadata;
    expect(AWSAccountId).toBe("111122223333");
    expect(Arn).toMatch(/^arn:aws:kms:us-east-1:111122223333:key\//);
  });

  it("builds ARNs in the configured account, Region and partition", async () => {
    const h = kmsHarness({ accountId: "444455556666", region: "cn-northwest-1" });
    const KeyId = await h.externalKey();
    const { Arn } = (await h.kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata;
    expect(Arn).toBe(`arn:aws-cn:kms:cn-northwest-1:444455556666:key/${KeyId}`);
  });

  it.each([
    { accountId: "12345" },
    { accountId: "11112222333a" },
    { region: "US-EAST-1" },
    { region: "useast1" },
  ])("throws TypeError for the invalid option %j", (options) => {
    expect(() => createKms(options)).toThrow(TypeError);
  });

  it("rejects with TypeError when the IdGenerator returns something that is not a lowercase UUID", async () => {
    const kms = createKms({ crypto: testCrypto(), ids: { next: () => "KEY-1" } });
    await expect(kms.createKey({ Origin: "EXTERNAL" })).rejects.toThrow(TypeError);
  });

  it.each([
    ["createKey", (kms: Kms) => kms.createKey(null as never)],
    ["describeKey", (kms: Kms) => kms.describeKey(null as never)],
    ["listKeys", (kms: Kms) => kms.listKeys([] as never)],
    ["getParametersForImport", (kms: Kms) => kms.getParametersForImport("x" as never)],
    ["importKeyMaterial", (kms: Kms) => kms.importKeyMaterial(7 as never)],
    ["deleteImportedKeyMaterial", (kms: Kms) => kms.deleteImportedKeyMaterial(null as never)],
    ["enableKey", (kms: Kms) => kms.enableKey(null as never)],
    ["disableKey", (kms: Kms) => kms.disableKey(null as never)],
    ["scheduleKeyDeletion", (kms: Kms) => kms.scheduleKeyDeletion(null as never)],
    ["cancelKeyDeletion", (kms: Kms) => kms.cancelKeyDeletion(null as never)],
  ] as const)(
    "%s answers a request that is not an object with SerializationException",
    async (_, call) => {
      expectError(await call(kmsHarness().kms), "SerializationException");
    },
  );

  it("starts no timers: expiry and deletion happen when a request observes them", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "setInterval", "setImmediate"] });
    try {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      await h.importMaterial(KeyId, material(), 1);
      await h.kms.scheduleKeyDeletion({ KeyId, PendingWindowInDays: 7 });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
