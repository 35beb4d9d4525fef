import {
  DeleteImportedKeyMaterialCommand,
  GetParametersForImportCommand,
  type GetParametersForImportCommandInput,
  ImportKeyMaterialCommand,
  ScheduleKeyDeletionCommand,
} from "@aws-sdk/client-kms";
import { addDays, addMilliseconds } from "date-fns";
import { okAsync } from "neverthrow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { type KmsEndpoint, sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";
import {
  arnOf,
  failure,
  type ImportParameters,
  newMaterial,
  rejection,
  sdkImports,
} from "./support/sdkImports.js";

// Every row of the table "Errors of the import operations" in docs/errors.md, provoked through
// @aws-sdk/client-kms against the local endpoint: the SDK's error name, AWS's words where the
// docs quote them, HTTP 400, and nothing changed. The JavaScript SDK does not validate input
// on the client, so casts get wrong types and missing members onto the wire.

const clock = manualClock(new Date("2026-03-01T12:00:00.000Z"));
let endpoint: KmsEndpoint;
let kit: ReturnType<typeof sdkImports>;

beforeAll(async () => {
  endpoint = await startKmsEndpoint({ clock, crypto: testCrypto() });
  kit = sdkImports(sdkClient(endpoint.url), clock);
});

afterAll(async () => {
  kit.client.destroy();
  await endpoint.close();
});

const unknownKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";

/** Each import operation as a request naming `KeyId`; its token and material are never reached. */
const importOperations = {
  GetParametersForImport: (KeyId: string) =>
    kit.client.send(
      new GetParametersForImportCommand({
        KeyId,
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: "RSA_2048",
      }),
    ),
  ImportKeyMaterial: (KeyId: string) =>
    kit.client.send(
      new ImportKeyMaterialCommand({
        KeyId,
        ImportToken: new Uint8Array([1, 2, 3]),
        EncryptedKeyMaterial: new Uint8Array([4, 5, 6]),
        ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      }),
    ),
  DeleteImportedKeyMaterial: (KeyId: string) =>
    kit.client.send(new DeleteImportedKeyMaterialCommand({ KeyId })),
} as const;
const operationNames = Object.keys(importOperations) as (keyof typeof importOperations)[];

/** A fresh EXTERNAL key with one parameter set, and material to import with it. */
async function keyReadyForImport() {
  const KeyId = await kit.createKey();
  return { KeyId, params: await kit.parameters(KeyId), material: newMaterial() };
}

/** The failed attempt did not spend the token: the right import with it succeeds now. */
async function expectTokenStillWorks(
  KeyId: string,
  params: ImportParameters,
  material: Uint8Array,
) {
  const imported = await kit.importMaterial(KeyId, params, material);
  expect(imported.KeyId).toBe(arnOf(KeyId));
  expect((await kit.describe(KeyId)).KeyState).toBe("Enabled");
}

const flipBit = (bytes: Uint8Array, index: number): Uint8Array => {
  const copy = new Uint8Array(bytes);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
};

describe.each(operationNames)("%s", (operation) => {
  const send = importOperations[operation];

  it("returns SerializationException for a number where KeyId must be a string", async () => {
    const error = await rejection(send(42 as unknown as string));
    expect(failure(error)).toEqual({
      name: "SerializationException",
      message: "Member 'KeyId' must be a string; got a number.",
      status: 400,
    });
  });

  it("returns ValidationException in AWS's words when the required KeyId is missing", async () => {
    const error = await rejection(send(undefined as unknown as string));
    expect(failure(error)).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null",
      status: 400,
    });
  });

  it("returns ValidationException when KeyId is longer than 2048 characters", async () => {
    const error = await rejection(send("k".repeat(2049)));
    expect(failure(error)).toMatchObject({ name: "ValidationException", status: 400 });
    expect(error.message).toMatch(
      /^1 validation error detected: Value 'k+…' at 'keyId' failed to satisfy constraint: Member must have length less than or equal to 2048$/,
    );
  });

  it("returns NotFoundException 'Invalid keyId' for a malformed key ID", async () => {
    const error = await rejection(send("not-a-key-id"));
    expect(failure(error)).toEqual({
      name: "NotFoundException",
      message: "Invalid keyId 'not-a-key-id'",
      status: 400,
    });
  });

  it.each([
    ["an alias name", "alias/my-key"],
    ["an alias ARN", "arn:aws:kms:us-east-1:111122223333:alias/my-key"],
  ])("returns InvalidArnException for %s", async (_, reference) => {
    const error = await rejection(send(reference));
    expect(failure(error)).toEqual({
      name: "InvalidArnException",
      message: "Key Aliases are not supported for this operation.",
      status: 400,
    });
  });

  it("returns NotFoundException 'Invalid arn <region>' for a key ARN of another Region", async () => {
    const KeyId = await kit.createKey();
    const error = await rejection(send(arnOf(KeyId, "us-west-2")));
    expect(failure(error)).toEqual({
      name: "NotFoundException",
      message: "Invalid arn us-west-2",
      status: 400,
    });
  });

  it.each([
    ["key ID", unknownKeyId],
    ["key ARN", arnOf(unknownKeyId)],
  ])(
    "returns NotFoundException 'Key … does not exist' for the %s of a missing key",
    async (_, reference) => {
      const error = await rejection(send(reference));
      expect(failure(error)).toEqual({
        name: "NotFoundException",
        message: `Key '${arnOf(unknownKeyId)}' does not exist`,
        status: 400,
      });
    },
  );

  it("returns AccessDeniedException for a key ARN of another account", async () => {
    const KeyId = await kit.createKey();
    const foreign = arnOf(KeyId, "us-east-1", "444455556666");
    const error = await kit.failsUnchanged(KeyId, () => send(foreign));
    expect(failure(error)).toMatchObject({ name: "AccessDeniedException", status: 400 });
    expect(error.message).toContain(`kms:${operation} on resource: ${foreign}`);
  });

  it("returns UnsupportedOperationException for a key whose origin is AWS_KMS", async () => {
    const KeyId = await kit.createKey("AWS_KMS");
    const error = await kit.failsUnchanged(KeyId, () => send(KeyId));
    expect(failure(error)).toEqual({
      name: "UnsupportedOperationException",
      message: `${arnOf(KeyId)} origin is AWS_KMS which is not valid for this operation.`,
      status: 400,
    });
  });

  it.each([
    ["key ID", "mrk-1234abcd12ab34cd56ef1234567890ab"],
    ["key ARN", arnOf("mrk-1234abcd12ab34cd56ef1234567890ab")],
  ])("returns UnsupportedOperationException for a multi-Region %s", async (_, reference) => {
    const error = await rejection(send(reference));
    expect(failure(error)).toMatchObject({ name: "UnsupportedOperationException", status: 400 });
  });
});

describe("GetParametersForImport", () => {
  const ask = (input: Partial<GetParametersForImportCommandInput>) =>
    kit.client.send(
      new GetParametersForImportCommand({
        KeyId: "",
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: "RSA_2048",
        ...input,
      }),
    );

  it("returns ValidationException in AWS's words for WrappingAlgorithm 'NOPE'", async () => {
    const KeyId = await kit.createKey();
    const error = await kit.failsUnchanged(KeyId, () =>
      ask({ KeyId, WrappingAlgorithm: "NOPE" as "RSAES_OAEP_SHA_256" }),
    );
    expect(failure(error)).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value 'NOPE' at 'wrappingAlgorithm' failed to satisfy constraint: " +
        "Member must satisfy enum value set: [RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, " +
        "RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE]",
      status: 400,
    });
  });

  it("returns ValidationException when the required WrappingKeySpec is missing", async () => {
    const KeyId = await kit.createKey();
    const error = await kit.failsUnchanged(KeyId, () =>
      ask({ KeyId, WrappingKeySpec: undefined as unknown as "RSA_2048" }),
    );
    expect(failure(error)).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value null at 'wrappingKeySpec' failed to satisfy constraint: Member must not be null",
      status: 400,
    });
  });

  it.each([
    ["RSAES_PKCS1_V1_5", "RSA_2048"],
    ["RSAES_OAEP_SHA_256", "SM2"],
    ["SM2PKE", "SM2"],
  ] as const)("returns UnsupportedOperationException for %s with %s", async (algorithm, spec) => {
    const KeyId = await kit.createKey();
    const error = await kit.failsUnchanged(KeyId, () =>
      ask({ KeyId, WrappingAlgorithm: algorithm, WrappingKeySpec: spec }),
    );
    expect(failure(error)).toMatchObject({ name: "UnsupportedOperationException", status: 400 });
  });

  it("returns KMSInvalidStateException for a key pending deletion", async () => {
    const KeyId = await kit.createKey();
    await kit.client.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
    const error = await kit.failsUnchanged(KeyId, () => ask({ KeyId }));
    expect(failure(error)).toEqual({
      name: "KMSInvalidStateException",
      message: `${arnOf(KeyId)} is pending deletion.`,
      status: 400,
    });
  });
});

describe("ImportKeyMaterial", () => {
  it("returns SerializationException for a string where ValidTo must be a timestamp", async () => {
    const { KeyId, params, material } = await keyReadyForImport();
    const error = await kit.failsUnchanged(KeyId, () =>
      kit.importMaterial(KeyId, params, material, { ValidTo: "tomorrow" as unknown as Date }),
    );
    expect(failure(error)).toEqual({
      name: "SerializationException",
      message: "Member 'ValidTo' must be a timestamp in epoch seconds.",
      status: 400,
    });
    await expectTokenStillWorks(KeyId, params, material);
  });

  it("returns ValidationException for an empty ImportToken", async () => {
    const { KeyId, params, material } = await keyReadyForImport();
    const error = await kit.failsUnchanged(KeyId, () =>
      kit.importMaterial(KeyId, params, material, { ImportToken: new Uint8Array() }),
    );
    expect(failure(error)).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value at 'importToken' failed to satisfy constraint: Member must have length greater than or equal to 1",
      status: 400,
    });
  });

  it("returns KMSInvalidStateException for a key pending deletion, even with a valid token", async () => {
    const { KeyId, params, material } = await keyReadyForImport();
    await kit.client.send(new ScheduleKeyDeletionCommand({ KeyId, PendingWindowInDays: 7 }));
    const error = await kit.failsUnchanged(KeyId, () =>
      kit.importMaterial(KeyId, params, material),
    );
    expect(failure(error)).toEqual({
      name: "KMSInvalidStateException",
      message: `${arnOf(KeyId)} is pending deletion.`,
      status: 400,
    });
  });

  describe("ValidationException", () => {
    it("when ValidTo is missing and ExpirationModel is the default KEY_MATERIAL_EXPIRES", async () => {
      const { KeyId, params, material } = await keyReadyForImport();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, { ValidTo: undefined }),
      );
      expect(failure(error)).toEqual({
        name: "ValidationException",
        message: "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES",
        status: 400,
      });
      await expectTokenStillWorks(KeyId, params, material);
    });

    it("when ValidTo is given with KEY_MATERIAL_DOES_NOT_EXPIRE", async () => {
      const { KeyId, params, material } = await keyReadyForImport();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, {
          ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
          ValidTo: addDays(clock.now(), 30),
        }),
      );
      expect(failure(error)).toMatchObject({ name: "ValidationException", status: 400 });
      await expectTokenStillWorks(KeyId, params, material);
    });

    it.each([
      ["now", 0],
      ["a day ago", -24 * 3600 * 1000],
    ])("when ValidTo is %s, not after the request", async (_, offset) => {
      const { KeyId, params, material } = await keyReadyForImport();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, {
          ValidTo: addMilliseconds(clock.now(), offset),
        }),
      );
      expect(failure(error)).toMatchObject({ name: "ValidationException", status: 400 });
      await expectTokenStillWorks(KeyId, params, material);
    });

    it("when ValidTo is more than 365 days after the request (365 days is fine)", async () => {
      const { KeyId, params, material } = await keyReadyForImport();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, {
          ValidTo: addMilliseconds(addDays(clock.now(), 365), 1),
        }),
      );
      expect(failure(error)).toMatchObject({ name: "ValidationException", status: 400 });
      await kit.importMaterial(KeyId, params, material, { ValidTo: addDays(clock.now(), 365) });
      expect((await kit.describe(KeyId)).ValidTo).toEqual(addDays(clock.now(), 365));
    });

    it("when KeyMaterialId is given with ImportType NEW_KEY_MATERIAL", async () => {
      const { KeyId, params, material } = await keyReadyForImport();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, {
          ImportType: "NEW_KEY_MATERIAL",
          KeyMaterialId: "a".repeat(64),
        }),
      );
      expect(failure(error)).toMatchObject({ name: "ValidationException", status: 400 });
      await expectTokenStillWorks(KeyId, params, material);
    });
  });

  describe("InvalidImportTokenException", () => {
    it("for a token this KMS did not issue", async () => {
      const { KeyId, params, material } = await keyReadyForImport();
      const forged = new Uint8Array(params.ImportToken.byteLength).fill(7);
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, { ImportToken: forged }),
      );
      expect(failure(error)).toMatchObject({ name: "InvalidImportTokenException", status: 400 });
    });

    it.each([
      ["first", 0],
      ["last", -1],
    ])("for a token with its %s byte altered", async (_, at) => {
      const { KeyId, params, material } = await keyReadyForImport();
      const index = (params.ImportToken.byteLength + at) % params.ImportToken.byteLength;
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, {
          ImportToken: flipBit(params.ImportToken, index),
        }),
      );
      expect(failure(error)).toMatchObject({ name: "InvalidImportTokenException", status: 400 });
      await expectTokenStillWorks(KeyId, params, material);
    });

    it("for a token issued for another key", async () => {
      const other = await keyReadyForImport();
      const KeyId = await kit.createKey();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, other.params, other.material),
      );
      expect(failure(error)).toMatchObject({ name: "InvalidImportTokenException", status: 400 });
      await expectTokenStillWorks(other.KeyId, other.params, other.material);
    });

    it("for a token already spent by a successful import, even with the same material", async () => {
      const { KeyId, params, material } = await keyReadyForImport();
      await kit.importMaterial(KeyId, params, material);
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, { ValidTo: addDays(clock.now(), 60) }),
      );
      expect(failure(error)).toMatchObject({ name: "InvalidImportTokenException", status: 400 });
    });

    it("for a token dropped because ten newer parameter sets exist (the tenth newest still works)", async () => {
      const { KeyId, params: oldest, material } = await keyReadyForImport();
      const newer: ImportParameters[] = [];
      for (let i = 0; i < 10; i += 1) newer.push(await kit.parameters(KeyId));
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, oldest, material),
      );
      expect(failure(error)).toMatchObject({ name: "InvalidImportTokenException", status: 400 });
      const tenthNewest = newer[0];
      if (tenthNewest === undefined) throw new Error("no parameter sets");
      await expectTokenStillWorks(KeyId, tenthNewest, material);
    });
  });

  it("returns ExpiredImportTokenException 24 hours after GetParametersForImport, not a millisecond before", async () => {
    const { KeyId, params, material } = await keyReadyForImport();
    const second = await kit.parameters(KeyId);
    clock.set(addMilliseconds(params.ParametersValidTo, -1));
    await kit.importMaterial(KeyId, params, material);
    clock.set(second.ParametersValidTo);
    const error = await kit.failsUnchanged(KeyId, () =>
      kit.importMaterial(KeyId, second, material),
    );
    expect(failure(error)).toMatchObject({ name: "ExpiredImportTokenException", status: 400 });
  });

  describe("InvalidCiphertextException", () => {
    it("for material wrapped with the wrong OAEP hash", async () => {
      const { KeyId, params, material } = await keyReadyForImport();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, {
          EncryptedKeyMaterial: kit.wrap(params, material, "RSAES_OAEP_SHA_1"),
        }),
      );
      expect(failure(error)).toMatchObject({ name: "InvalidCiphertextException", status: 400 });
      await expectTokenStillWorks(KeyId, params, material);
    });

    it("for material wrapped with plain RSA-OAEP when the token asks for RSA_AES_KEY_WRAP", async () => {
      const KeyId = await kit.createKey();
      const material = newMaterial();
      const params = await kit.parameters(KeyId, {
        WrappingAlgorithm: "RSA_AES_KEY_WRAP_SHA_256",
        WrappingKeySpec: "RSA_2048",
      });
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, {
          EncryptedKeyMaterial: kit.wrap(params, material, "RSAES_OAEP_SHA_256"),
        }),
      );
      expect(failure(error)).toMatchObject({ name: "InvalidCiphertextException", status: 400 });
      await expectTokenStillWorks(KeyId, params, material);
    });

    it("for material wrapped with the public key of another GetParametersForImport response", async () => {
      // testCrypto shares one RSA key pair per spec; nodeCrypto gives every parameter set its own.
      const production = await startKmsEndpoint({ clock });
      const own = sdkImports(sdkClient(production.url), clock);
      try {
        const KeyId = await own.createKey();
        const material = newMaterial();
        const params = await own.parameters(KeyId);
        const another = await own.parameters(KeyId);
        expect(another.PublicKey).not.toEqual(params.PublicKey);
        const error = await own.failsUnchanged(KeyId, () =>
          own.importMaterial(KeyId, params, material, {
            EncryptedKeyMaterial: own.wrap(another, material),
          }),
        );
        expect(failure(error)).toMatchObject({ name: "InvalidCiphertextException", status: 400 });
        await own.importMaterial(KeyId, params, material);
      } finally {
        own.client.destroy();
        await production.close();
      }
    });

    it.each([
      ["first", 0],
      ["last", -1],
    ])("for wrapped material with its %s byte corrupted", async (_, at) => {
      const { KeyId, params, material } = await keyReadyForImport();
      const wrapped = kit.wrap(params, material);
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, {
          EncryptedKeyMaterial: flipBit(wrapped, (wrapped.byteLength + at) % wrapped.byteLength),
        }),
      );
      expect(failure(error)).toMatchObject({ name: "InvalidCiphertextException", status: 400 });
      await expectTokenStillWorks(KeyId, params, material);
    });
  });

  describe("IncorrectKeyMaterialException", () => {
    it.each([16, 31, 33, 64])("for %i bytes of material instead of 32", async (bytes) => {
      const { KeyId, params } = await keyReadyForImport();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, newMaterial(bytes)),
      );
      expect(failure(error)).toMatchObject({
        name: "IncorrectKeyMaterialException",
        status: 400,
      });
      await expectTokenStillWorks(KeyId, params, newMaterial());
    });

    it("for material other than the material first imported, also after it was deleted", async () => {
      const { KeyId } = await kit.importedKey();
      const enabled = await kit.failsUnchanged(KeyId, async () =>
        kit.importMaterial(KeyId, await kit.parameters(KeyId), newMaterial()),
      );
      expect(failure(enabled)).toMatchObject({
        name: "IncorrectKeyMaterialException",
        status: 400,
      });
      await kit.client.send(new DeleteImportedKeyMaterialCommand({ KeyId }));
      const deleted = await kit.failsUnchanged(KeyId, async () =>
        kit.importMaterial(KeyId, await kit.parameters(KeyId), newMaterial()),
      );
      expect(failure(deleted)).toMatchObject({
        name: "IncorrectKeyMaterialException",
        status: 400,
      });
    });

    it("for ImportType NEW_KEY_MATERIAL on a key that already holds that material", async () => {
      const { KeyId, material } = await kit.importedKey();
      const params = await kit.parameters(KeyId);
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, { ImportType: "NEW_KEY_MATERIAL" }),
      );
      expect(failure(error)).toMatchObject({ name: "IncorrectKeyMaterialException", status: 400 });
      await kit.importMaterial(KeyId, params, material, { ImportType: "EXISTING_KEY_MATERIAL" });
    });

    it("for ImportType EXISTING_KEY_MATERIAL on a key that never had material", async () => {
      const { KeyId, params, material } = await keyReadyForImport();
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, { ImportType: "EXISTING_KEY_MATERIAL" }),
      );
      expect(failure(error)).toMatchObject({ name: "IncorrectKeyMaterialException", status: 400 });
      await kit.importMaterial(KeyId, params, material, { ImportType: "NEW_KEY_MATERIAL" });
    });

    it("for a KeyMaterialId that is not the material's", async () => {
      const other = await kit.importedKey();
      const { KeyId, material, KeyMaterialId } = await kit.importedKey();
      const params = await kit.parameters(KeyId);
      const error = await kit.failsUnchanged(KeyId, () =>
        kit.importMaterial(KeyId, params, material, { KeyMaterialId: other.KeyMaterialId }),
      );
      expect(failure(error)).toMatchObject({ name: "IncorrectKeyMaterialException", status: 400 });
      await kit.importMaterial(KeyId, params, material, { KeyMaterialId });
    });
  });
});

describe("DeleteImportedKeyMaterial", () => {
  it("returns NotFoundException for a KeyMaterialId that is not the key's", async () => {
    const other = await kit.importedKey();
    const { KeyId } = await kit.importedKey();
    const error = await kit.failsUnchanged(KeyId, () =>
      kit.client.send(
        new DeleteImportedKeyMaterialCommand({ KeyId, KeyMaterialId: other.KeyMaterialId }),
      ),
    );
    expect(failure(error)).toEqual({
      name: "NotFoundException",
      message: `Key material ${other.KeyMaterialId} is not associated with ${arnOf(KeyId)}.`,
      status: 400,
    });
    expect((await kit.describe(KeyId)).KeyState).toBe("Enabled");
  });

  it("returns NotFoundException for a KeyMaterialId on a key that never had material", async () => {
    const KeyId = await kit.createKey();
    const error = await kit.failsUnchanged(KeyId, () =>
      kit.client.send(
        new DeleteImportedKeyMaterialCommand({ KeyId, KeyMaterialId: "b".repeat(64) }),
      ),
    );
    expect(failure(error)).toMatchObject({ name: "NotFoundException", status: 400 });
  });
});

describe("KMSInternalException", () => {
  /** A store where, while `busy`, another writer rewrites a key just before each of our writes. */
  function contestedStore() {
    const inner = memoryKeyStore();
    const contest = { busy: false };
    const store: KeyStore = {
      get: (arn) => inner.get(arn),
      list: (scope, page) => inner.list(scope, page),
      removeDeletedKeys: (now) => inner.removeDeletedKeys(now),
      getAlias: (scope, aliasName) => inner.getAlias(scope, aliasName),
      putAlias: (alias, expectedVersion) => inner.putAlias(alias, expectedVersion),
      deleteAlias: (scope, aliasName, expectedVersion) =>
        inner.deleteAlias(scope, aliasName, expectedVersion),
      listAliases: (scope, page, now) => inner.listAliases(scope, page, now),
      claimBehaviour: (scope, proposed) => inner.claimBehaviour(scope, proposed),
      put: (record, expectedVersion) =>
        (contest.busy
          ? inner
              .get(record.arn)
              .andThen((row) =>
                row === undefined ? okAsync(0) : inner.put(row.record, row.version),
              )
          : okAsync(0)
        ).andThen(() => inner.put(record, expectedVersion)),
    };
    return { store, contest };
  }

  it("is HTTP 500 when every write of an import operation loses to a concurrent writer, and nothing changes", async () => {
    const { store, contest } = contestedStore();
    const contested = await startKmsEndpoint({ clock, crypto: testCrypto(), store });
    const own = sdkImports(sdkClient(contested.url), clock);
    try {
      const KeyId = await own.createKey();
      const params = await own.parameters(KeyId);
      const material = newMaterial();
      contest.busy = true;
      const before = await own.describe(KeyId);
      for (const send of [
        () => own.parameters(KeyId),
        () => own.importMaterial(KeyId, params, material),
      ]) {
        const error = await rejection(send());
        expect(failure(error)).toMatchObject({ name: "KMSInternalException", status: 500 });
        expect(error.$fault).toBe("server");
      }
      expect(await own.describe(KeyId)).toEqual(before);
      contest.busy = false;
      await own.importMaterial(KeyId, params, material);
    } finally {
      own.client.destroy();
      await contested.close();
    }
  });
});
