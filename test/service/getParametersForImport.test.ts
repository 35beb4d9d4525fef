import { createPublicKey } from "node:crypto";
import { addHours } from "date-fns";
import { describe, expect, it } from "vitest";
import type { GetParametersForImportRequest } from "../../src/domain/requests/getParametersForImport.js";
import { arnOf, expectError, kmsHarness, material, start } from "../support/kmsHarness.js";

const oaep256 = { WrappingAlgorithm: "RSAES_OAEP_SHA_256", WrappingKeySpec: "RSA_2048" } as const;

describe("getParametersForImport", () => {
  it("returns the key ARN, a DER RSA public key of the spec, a token and a 24-hour validity", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    const r = (await h.kms.getParametersForImport({ KeyId, ...oaep256 }))._unsafeUnwrap();
    expect(r.KeyId).toBe(arnOf(KeyId));
    expect(r.ParametersValidTo).toEqual(addHours(start, 24));
    expect(r.ImportToken.byteLength).toBeGreaterThan(0);
    const publicKey = createPublicKey({
      key: Buffer.from(r.PublicKey),
      format: "der",
      type: "spki",
    });
    expect(publicKey.asymmetricKeyType).toBe("rsa");
    expect(publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("accepts a key ARN as KeyId and records a GetParametersForImport event", async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    expect(await h.kms.getParametersForImport({ KeyId: arnOf(KeyId), ...oaep256 })).toBeOk();
    expect(h.audit.at(-1)).toEqual({
      eventName: "GetParametersForImport",
      keyArn: arnOf(KeyId),
      eventTime: start,
      keyState: "PendingImport",
    });
  });

  it("returns ValidationException in AWS's words for an unknown WrappingAlgorithm", async () => {
    const h = kmsHarness();
    const request = {
      KeyId: await h.externalKey(),
      WrappingAlgorithm: "RSA_OAEP",
      WrappingKeySpec: "RSA_2048",
    };
    const error = expectError(
      await h.kms.getParametersForImport(request as unknown as GetParametersForImportRequest),
      "ValidationException",
    );
    expect(error.message).toBe(
      "1 validation error detected: Value 'RSA_OAEP' at 'wrappingAlgorithm' failed to satisfy constraint: " +
        "Member must satisfy enum value set: [RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, " +
        "RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE]",
    );
  });

  it("returns ValidationException in AWS's words for an unknown WrappingKeySpec", async () => {
    const h = kmsHarness();
    const request = {
      KeyId: await h.externalKey(),
      WrappingAlgorithm: "RSAES_OAEP_SHA_1",
      WrappingKeySpec: "RSA_1024",
    };
    const error = expectError(
      await h.kms.getParametersForImport(request as unknown as GetParametersForImportRequest),
      "ValidationException",
    );
    expect(error.message).toBe(
      "1 validation error detected: Value 'RSA_1024' at 'wrappingKeySpec' failed to satisfy constraint: " +
        "Member must satisfy enum value set: [RSA_2048, RSA_3072, RSA_4096, SM2]",
    );
  });

  it.each([
    ["RSAES_PKCS1_V1_5", "RSA_2048"],
    ["SM2PKE", "SM2"],
    ["SM2PKE", "RSA_4096"],
    ["RSAES_OAEP_SHA_256", "SM2"],
  ] as const)(
    "returns UnsupportedOperationException for %s with %s and stores no set",
    async (alg, spec) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      expectError(
        await h.kms.getParametersForImport({
          KeyId,
          WrappingAlgorithm: alg,
          WrappingKeySpec: spec,
        }),
        "UnsupportedOperationException",
      );
      expect(h.audit.map((e) => e.eventName)).toEqual(["CreateKey"]);
    },
  );

  it.each(["Enabled", "Disabled"] as const)(
    "hands out parameters for a reimport into a %s key",
    async (state) => {
      const h = kmsHarness();
      const KeyId = await h.externalKey();
      await h.importMaterial(KeyId, material());
      if (state === "Disabled") await h.kms.disableKey({ KeyId });
      expect(await h.kms.getParametersForImport({ KeyId, ...oaep256 })).toBeOk();
      expect(await h.stateOf(KeyId)).toBe(state);
    },
  );

  it('returns KMSInvalidStateException "… is pending deletion." for a key pending deletion', async () => {
    const h = kmsHarness();
    const KeyId = await h.externalKey();
    await h.kms.scheduleKeyDeletion({ KeyId });
    const error = expectError(
      await h.kms.getParametersForImport({ KeyId, ...oaep256 }),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arnOf(KeyId)} is pending deletion.`);
  });

  it("returns NotFoundException for a well-formed key that does not exist", async () => {
    const h = kmsHarness();
    const KeyId = "00000000-0000-4000-8000-000000000000";
    const error = expectError(
      await h.kms.getParametersForImport({ KeyId, ...oaep256 }),
      "NotFoundException",
    );
    expect(error.message).toBe(`Key '${arnOf(KeyId)}' does not exist`);
  });

  it("returns InvalidArnException for an alias", async () => {
    const h = kmsHarness();
    const error = expectError(
      await h.kms.getParametersForImport({ KeyId: "alias/x", ...oaep256 }),
      "InvalidArnException",
    );
    expect(error.message).toBe("Key Aliases are not supported for this operation.");
  });
});
