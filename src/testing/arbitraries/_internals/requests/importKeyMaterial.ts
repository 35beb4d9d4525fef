import fc from "fast-check";
import type { ImportKeyMaterialRequest } from "../../../../domain/requests/importKeyMaterial.js";
import { enumMember, keyIdMember, keyMaterialIdMember } from "../commonMembers.js";
import { expirationCases } from "../expirationCases.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import { keyMaterialIdViolation } from "../keyMaterialIdViolation.js";
import { blob, keyMaterialId } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { importKeyMaterialViolations } from "./importKeyMaterialViolations.js";

const descriptionCharacters =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/_ .-";

const importTypeAndId = fc.oneof(
  { withCrossShrink: true },
  fc.constant({}),
  fc.constant({ ImportType: "NEW_KEY_MATERIAL" as const }),
  fc.record(
    { ImportType: fc.constant("EXISTING_KEY_MATERIAL" as const), KeyMaterialId: keyMaterialId() },
    { requiredKeys: [], noNullPrototype: true },
  ),
);

function valid(context: GenerationContext): fc.Arbitrary<ImportKeyMaterialRequest> {
  const expiry = expirationCases(context.now, context.margin);
  return fc
    .tuple(
      fc.record(
        {
          KeyId: context.keyId,
          ImportToken: blob(1, 6144),
          EncryptedKeyMaterial: blob(1, 6144),
          KeyMaterialDescription: fc.string({
            unit: fc.constantFrom(...descriptionCharacters),
            minLength: 1,
            maxLength: 32,
          }),
        },
        { requiredKeys: ["KeyId", "ImportToken", "EncryptedKeyMaterial"], noNullPrototype: true },
      ),
      importTypeAndId,
      fc.oneof(expiry.valid, expiry.doesNotExpire),
    )
    .map(([request, importType, expiration]) => ({ ...request, ...importType, ...expiration }));
}

/**
 * ImportKeyMaterial: syntactically valid requests (the token and wrapped material are random
 * bytes, so a KMS refuses them later) with a valid expiry (docs/decisions/0008-expiration-model-and-valid-to.md) at the context's time.
 */
export const importKeyMaterialRequests: OperationBuilder<ImportKeyMaterialRequest> = {
  members: {
    KeyId: keyIdMember,
    ImportToken: { shape: "blob", max: 6144 },
    EncryptedKeyMaterial: { shape: "blob", max: 6144 },
    ValidTo: { shape: "timestamp" },
    ExpirationModel: enumMember,
    ImportType: enumMember,
    KeyMaterialDescription: { shape: "string", max: 256 },
    KeyMaterialId: keyMaterialIdMember,
  },
  valid,
  violations: (context) => {
    const base = valid(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      ...importKeyMaterialViolations(base, expirationCases(context.now, context.margin)),
      keyMaterialIdViolation(base),
    ];
  },
};
