import fc from "fast-check";
import type { BehaviourProfile } from "../../domain/behaviourProfile.js";
import type { SupportedWrappingKeySpec } from "../../domain/wrappingTable.js";
import type { KeyRef } from "../model/keyRef.js";
import { AliasTargetCommand } from "./aliasTargetCommand.js";
import {
  aliasTargetChoice,
  expiryChoice,
  externalKeyId,
  materialPoolSize,
  tokenChoice,
} from "./commandChoices.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { GenerateDataKeyCommand } from "./generateDataKeyCommand.js";
import { isValidExpiry } from "./importChoices.js";
import { ImportKeyMaterialCommand } from "./importKeyMaterialCommand.js";
import { InTurnCommand } from "./inTurnCommand.js";
import { KeyRotationCommand } from "./keyRotationCommand.js";
import type { StepCommand } from "./kmsCommand.js";
import { RotateKeyOnDemandCommand } from "./rotateKeyOnDemandCommand.js";

// The arbitraries of the commands that need more than a key: shared by several operations of
// operationKit, or long.

const sometimes = <T>(value: T) => fc.constantFrom(undefined, undefined, undefined, value);

/**
 * ImportKeyMaterial commands on the keys `key` names: mostly wrapped material and fresh tokens;
 * in the current profile, new material more often, to rotate to.
 */
export function importKeyMaterialCommands(
  key: fc.Arbitrary<KeyRef>,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
  behaviour: BehaviourProfile = "classic",
): fc.Arbitrary<StepCommand> {
  const newMaterial =
    behaviour === "current"
      ? fc.constantFrom(undefined, "NEW_KEY_MATERIAL" as const)
      : sometimes("NEW_KEY_MATERIAL" as const);
  const anyImport = fc
    .record({
      key,
      material: fc.nat(materialPoolSize - 1),
      token: tokenChoice(wrappingKeySpecs),
      ciphertext: fc.constantFrom(
        "wrapped",
        "wrapped",
        "wrapped",
        "garbage",
        "wrongSize",
        "tooLong",
      ),
      expiry: expiryChoice,
      importType: fc.oneof(newMaterial, sometimes("EXISTING_KEY_MATERIAL" as const)),
      keyMaterialId: fc.oneof(sometimes("matching" as const), sometimes("foreign" as const)),
    })
    .map(
      ({ importType, keyMaterialId, ...choices }) =>
        new ImportKeyMaterialCommand({
          ...choices,
          ...(importType === undefined ? {} : { importType }),
          ...(keyMaterialId === undefined ? {} : { keyMaterialId }),
        }),
    );
  if (behaviour === "classic") return anyImport;
  // A rotation needs a well-formed import of new material into an EXTERNAL key first: one import in
  // three is one, so that rotations, pending materials and their expiry are reached often.
  const newMaterialImport = (key: KeyRef) =>
    fc
      .record({
        material: fc.nat(materialPoolSize - 1),
        token: tokenChoice(wrappingKeySpecs).filter((token) => token.kind === "fresh"),
        expiry: expiryChoice.filter(isValidExpiry),
      })
      .map(
        (choices) =>
          new ImportKeyMaterialCommand({
            ...choices,
            key,
            ciphertext: "wrapped",
            importType: "NEW_KEY_MATERIAL",
          }),
      );
  // Half of them import a second material (the first one of a key without material) and rotate to it.
  const rotation = externalKeyId.chain((external) =>
    fc
      .tuple(newMaterialImport(external), newMaterialImport(external), fc.boolean())
      .map(([first, second, rotate]) =>
        rotate ? new InTurnCommand([first, second], new RotateKeyOnDemandCommand(external)) : first,
      ),
  );
  return fc.oneof({ weight: 2, arbitrary: anyImport }, { weight: 1, arbitrary: rotation });
}

/** True one time in four. */
export const rarely = fc.constantFrom(false, false, false, true);
/** A position among the run's encryption contexts. */
export const contextChoice = fc.nat(encryptionContexts.length - 1);
/** How a Decrypt or ReEncrypt command picks and sends a ciphertext of the run. */
export const decryptChoices = fc.record({
  pick: fc.nat(50),
  keyId: fc.constantFrom(
    "none" as const,
    "none" as const,
    "id" as const,
    "arn" as const,
    "other" as const,
  ),
  context: fc.constantFrom(
    "same" as const,
    "same" as const,
    "reordered" as const,
    "other" as const,
  ),
  tamper: rarely,
});

/** GenerateDataKey(WithoutPlaintext) commands on the keys `key` names. */
export function dataKeyCommands(key: fc.Arbitrary<KeyRef>, withPlaintext: boolean) {
  const size = fc.oneof(
    fc.constantFrom("AES_256" as const, "AES_128" as const),
    fc.integer({ min: 1, max: 64 }),
  );
  return fc
    .tuple(key, size, contextChoice)
    .map(([k, bytes, ctx]) => new GenerateDataKeyCommand(k, bytes, withPlaintext, ctx));
}

/** Commands of one rotation setting operation on the keys `key` names. */
export function rotationCommands(
  key: fc.Arbitrary<KeyRef>,
  operation: "EnableKeyRotation" | "DisableKeyRotation" | "GetKeyRotationStatus",
) {
  // Mostly key#2, the run's first AWS_KMS key: only AWS_KMS keys rotate.
  const rotating = fc.oneof(
    { weight: 3, arbitrary: fc.constant<KeyRef>({ kind: "key", index: 2, form: "id" }) },
    { weight: 2, arbitrary: key },
  );
  return fc
    .tuple(rotating, fc.option(fc.constantFrom(90, 90, 365, 2560), { nil: undefined }))
    .map(
      ([k, days]) =>
        new KeyRotationCommand(operation, k, operation === "EnableKeyRotation" ? days : undefined),
    );
}

/** CreateAlias or UpdateAlias commands of the run's alias names to the keys `key` names. */
export function aliasTargetCommands(
  key: fc.Arbitrary<KeyRef>,
  operation: "CreateAlias" | "UpdateAlias",
) {
  return fc
    .tuple(aliasTargetChoice, key)
    .map(([name, k]) => new AliasTargetCommand(operation, name, k));
}
