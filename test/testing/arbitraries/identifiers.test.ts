import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isKeyId } from "../../../src/index.js";
import { aliasName } from "../../../src/testing/arbitraries/aliasName.js";
import { keyArn } from "../../../src/testing/arbitraries/keyArn.js";
import { keyId } from "../../../src/testing/arbitraries/keyId.js";
import { malformedKeyId } from "../../../src/testing/arbitraries/malformedKeyId.js";
import { unusableKeyReference } from "../../../src/testing/arbitraries/unusableKeyReference.js";
import { validRequest } from "../../../src/testing/arbitraries/validRequest.js";
import { requestMembers } from "../../support/requestMembers.js";
import {
  assertProduceCorrectValues,
  assertProduceSameValueGivenSameSeed,
  context,
  operations,
  verdict,
} from "./arbitraryAssertions.js";

const keyIdOf0 = "1234abcd-12ab-34cd-56ef-1234567890ab";
const china = { accountId: "999988887777", region: "cn-north-1" };
const chinaContext = { scope: china, now: context.now };

describe("arbitraries.keyId", () => {
  it("gives the same values for the same seed", () => {
    assertProduceSameValueGivenSameSeed(keyId());
  });

  it("generates only values isKeyId accepts and EnableKey validates", () => {
    assertProduceCorrectValues(
      keyId(),
      (KeyId) => isKeyId(KeyId) && verdict("EnableKey", { KeyId }) === "ok",
    );
  });
});

describe("arbitraries.keyArn", () => {
  it("gives the same values for the same seed, for every relation", () => {
    for (const relation of ["own", "foreignAccount", "foreignRegion"] as const) {
      assertProduceSameValueGivenSameSeed(keyArn({ relation }), 3);
    }
  });

  it("generates own ARNs in the given account, Region and partition that validate", () => {
    assertProduceCorrectValues(keyArn(china), (KeyId) => {
      expect(KeyId).toMatch(/^arn:aws-cn:kms:cn-north-1:999988887777:key\//);
      expect(verdict("DisableKey", { KeyId }, chinaContext)).toBe("ok");
    });
  });

  it("generates foreign-Region ARNs that get NotFoundException, in another Region", () => {
    assertProduceCorrectValues(keyArn({ relation: "foreignRegion" }), (KeyId) => {
      expect(KeyId.split(":")[3]).not.toBe("us-east-1");
      expect(verdict("EnableKey", { KeyId })).toBe("NotFoundException");
    });
  });

  it("generates foreign-account ARNs that get AccessDeniedException, in another account", () => {
    assertProduceCorrectValues(keyArn({ ...china, relation: "foreignAccount" }), (KeyId) => {
      expect(KeyId.split(":")[4]).not.toBe(china.accountId);
      expect(verdict("EnableKey", { KeyId }, chinaContext)).toBe("AccessDeniedException");
    });
  });

  it("throws TypeError for an account ID that is not 12 digits", () => {
    expect(() => keyArn({ accountId: "1234" })).toThrow(TypeError);
  });
});

describe("arbitraries.aliasName and arbitraries.malformedKeyId", () => {
  it("give the same values for the same seed", () => {
    assertProduceSameValueGivenSameSeed(aliasName(), 3);
    assertProduceSameValueGivenSameSeed(malformedKeyId(), 3);
  });

  it("generate alias names CreateAlias takes, which key-ID-only operations refuse", () => {
    assertProduceCorrectValues(aliasName(), (KeyId) => {
      expect(KeyId).toMatch(/^alias\/[a-zA-Z0-9/_-]+$/);
      expect(KeyId.startsWith("alias/aws/")).toBe(false);
      expect(verdict("CreateAlias", { AliasName: KeyId, TargetKeyId: keyIdOf0 })).toBe("ok");
      expect(verdict("ScheduleKeyDeletion", { KeyId })).toBe("InvalidArnException");
      expect(verdict("DescribeKey", { KeyId })).toBe("NotFoundException");
    });
  });

  it("generate malformed IDs that are no key ID and get NotFoundException", () => {
    assertProduceCorrectValues(malformedKeyId(), (KeyId) => {
      expect(isKeyId(KeyId)).toBe(false);
      expect(verdict("CancelKeyDeletion", { KeyId })).toBe("NotFoundException");
      expect(verdict("Encrypt", { KeyId, Plaintext: new Uint8Array(1) })).toBe("NotFoundException");
    });
  });
});

describe("arbitraries.unusableKeyReference", () => {
  const keyedOperations = operations.filter((o) => requestMembers[o].includes("KeyId"));
  const aliasesTaken = new Set([
    "Decrypt",
    "DescribeKey",
    "Encrypt",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "GenerateMac",
    "GetPublicKey",
    "Sign",
    "Verify",
    "VerifyMac",
  ]);

  it("gives the same values for the same seed", () => {
    assertProduceSameValueGivenSameSeed(unusableKeyReference(china));
  });

  it.each(keyedOperations)("promises the error %s answers for each reference", (operation) => {
    const aliases = aliasesTaken.has(operation) ? "resolve" : "refuse";
    const cases = fc.tuple(
      validRequest(operation, { now: context.now }),
      unusableKeyReference({ aliases }),
    );
    assertProduceCorrectValues(
      cases,
      ([request, { KeyId, error }]) => verdict(operation, { ...request, KeyId }) === error,
      60,
    );
  });

  it("promises the right errors in another account and Region too", () => {
    const cases = fc.tuple(
      validRequest("GetParametersForImport", china),
      unusableKeyReference({ ...china, aliases: "refuse" }),
    );
    assertProduceCorrectValues(cases, ([request, { KeyId, error }]) => {
      expect(verdict("GetParametersForImport", { ...request, KeyId }, chinaContext)).toBe(error);
    });
  });

  it("generates every kind, and only the kinds asked for", () => {
    const errors = new Set(fc.sample(unusableKeyReference(), 300).map((r) => r.error));
    expect([...errors].sort()).toEqual([
      "AccessDeniedException",
      "NotFoundException",
      "UnsupportedOperationException",
    ]);
    const refused = fc.sample(unusableKeyReference({ kinds: ["alias"], aliases: "refuse" }), 50);
    expect(new Set(refused.map((r) => r.error))).toEqual(new Set(["InvalidArnException"]));
    const only = fc.sample(unusableKeyReference({ kinds: ["foreignAccount"] }), 50);
    expect(new Set(only.map((r) => r.error))).toEqual(new Set(["AccessDeniedException"]));
  });
});
