import type { KMS } from "@aws-sdk/client-kms";
import { addDays } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/testing/manualClock.js";
import { type KmsEndpoint, sdkKms, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { aliasRefused, answer, error400, fails } from "./support/sdkAnswers.js";
import { arnOf, sdkImports } from "./support/sdkImports.js";

// UpdateKeyDescription, GenerateRandom and the rotation settings through @aws-sdk/client-kms's
// aggregated KMS client against the local endpoint (sdkEverydayCalls.test.ts has the aliases,
// ReEncrypt, key policies and tags). Errors are asserted by the SDK's exception name, message
// and HTTP status.

const clock = manualClock(new Date("2026-03-01T12:00:00.000Z"));
let endpoint: KmsEndpoint;
let kms: KMS;
let externalKey: string;
let awsKmsKey: string;

beforeAll(async () => {
  endpoint = await startKmsEndpoint({ clock });
  kms = sdkKms(endpoint.url);
  const kit = sdkImports(kms, clock);
  externalKey = (await kit.importedKey()).KeyId;
  awsKmsKey = await kit.createKey("AWS_KMS");
  await kms.createAlias({ AliasName: "alias/settings", TargetKeyId: externalKey });
});

afterAll(async () => {
  kms.destroy();
  await endpoint.close();
});

describe("key descriptions, random bytes and rotation settings through the SDK", () => {
  it("UpdateKeyDescription changes DescribeKey's Description; an alias there is InvalidArnException", async () => {
    await kms.updateKeyDescription({ KeyId: externalKey, Description: "described" });
    const { KeyMetadata } = await kms.describeKey({ KeyId: externalKey });
    expect(KeyMetadata?.Description).toBe("described");
    const byAlias = kms.updateKeyDescription({ KeyId: "alias/settings", Description: "x" });
    expect(await fails(byAlias)).toEqual(aliasRefused);
  });

  it("GenerateRandom gives 1 to 1024 random bytes; 1025 is ValidationException", async () => {
    for (const NumberOfBytes of [1, 32, 1024]) {
      const { Plaintext } = await kms.generateRandom({ NumberOfBytes });
      expect(Plaintext?.byteLength).toBe(NumberOfBytes);
    }
    expect(await fails(kms.generateRandom({ NumberOfBytes: 1025 }))).toEqual(
      error400(
        "ValidationException",
        "1 validation error detected: Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or equal to 1024",
      ),
    );
  });

  it("an AWS_KMS key's rotation is off, on with its period and next date after EnableKeyRotation, off again after DisableKeyRotation; an EXTERNAL key has none", async () => {
    const status = async () => answer(await kms.getKeyRotationStatus({ KeyId: awsKmsKey }));
    const KeyId = arnOf(awsKmsKey);
    expect(await status()).toEqual({ KeyId, KeyRotationEnabled: false });
    await kms.enableKeyRotation({ KeyId: awsKmsKey, RotationPeriodInDays: 90 });
    expect(await status()).toEqual({
      KeyId,
      KeyRotationEnabled: true,
      RotationPeriodInDays: 90,
      NextRotationDate: addDays(clock.now(), 90),
    });
    await kms.disableKeyRotation({ KeyId: awsKmsKey });
    expect(await status()).toEqual({ KeyId, KeyRotationEnabled: false });
    expect(await fails(kms.enableKeyRotation({ KeyId: externalKey }))).toEqual(
      error400(
        "UnsupportedOperationException",
        `${arnOf(externalKey)} origin is EXTERNAL which is not valid for this operation.`,
      ),
    );
  });
});
