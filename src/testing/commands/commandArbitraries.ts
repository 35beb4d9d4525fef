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
import { CreateKeyCommand } from "./createKeyCommand.js";
import { EncryptCommand } from "./encryptCommand.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { GenerateDataKeyCommand } from "./generateDataKeyCommand.js";
import { GetParametersBurstCommand } from "./getParametersBurstCommand.js";
import { GetParametersForImportCommand } from "./getParametersForImportCommand.js";
import { isValidExpiry } from "./importChoices.js";
import { ImportKeyMaterialCommand } from "./importKeyMaterialCommand.js";
import { InTurnCommand } from "./inTurnCommand.js";
import type { KeyChoice } from "./keyChoice.js";
import { modelPolicies } from "./keyPolicyCommands.js";
import { KeyRotationCommand } from "./keyRotationCommand.js";
import { rsaEncryptCommands } from "./keyUseArbitraries.js";
import { keyChoice, kindImportCommands, kindKeyCommands } from "./kindKeyArbitraries.js";
import type { KmsCommand, StepCommand } from "./kmsCommand.js";
import { RotateKeyOnDemandCommand } from "./rotateKeyOnDemandCommand.js";
import { tagChoice } from "./tagChoices.js";

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
  return fc.oneof(
    { weight: 2, arbitrary: anyImport },
    { weight: 1, arbitrary: rotation },
    { weight: 1, arbitrary: kindImportCommands(key, wrappingKeySpecs) },
  );
}

/** CreateKey commands of symmetric keys, and in the current profile of HMAC, RSA and ECC keys. */
export function createKeyCommands(
  behaviour: BehaviourProfile,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): fc.Arbitrary<StepCommand> {
  const symmetric = fc
    .constantFrom(
      "EXTERNAL" as const,
      "EXTERNAL" as const,
      "AWS_KMS" as const,
      "AWS_CLOUDHSM" as const,
    )
    .chain((origin) =>
      fc
        .option(fc.constantFrom("", "model key", "ünïcödé ✓", "x".repeat(300)), {
          nil: undefined,
        })
        .chain((description) =>
          fc
            .tuple(
              fc.option(tagChoice, { nil: undefined, freq: 3 }),
              fc.option(fc.nat(modelPolicies.length - 1), { nil: undefined, freq: 3 }),
            )
            .map(([tags, policy]) => new CreateKeyCommand(origin, description, tags, policy)),
        ),
    );
  if (behaviour === "classic") return symmetric;
  return fc.oneof(
    { weight: 1, arbitrary: symmetric },
    { weight: 2, arbitrary: kindKeyCommands(wrappingKeySpecs) },
  );
}

/** Encrypt commands, and in the current profile RSAES-OAEP ones too. */
export function encryptCommands(
  key: fc.Arbitrary<KeyRef>,
  behaviour: BehaviourProfile,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): fc.Arbitrary<StepCommand> {
  const symmetric = fc
    .tuple(key, fc.uint8Array({ minLength: 1, maxLength: 64 }), contextChoice, rarely)
    .map(([k, plaintext, ctx, dryRun]) => new EncryptCommand(k, plaintext, ctx, dryRun));
  if (behaviour === "classic") return symmetric;
  return fc.oneof(
    { weight: 3, arbitrary: symmetric },
    { weight: 1, arbitrary: rsaEncryptCommands({ key, behaviour, wrappingKeySpecs }) },
  );
}

/**
 * GetParametersForImport commands: mostly one call, sometimes a burst past the ten live
 * parameter sets; in the current profile also for HMAC, RSA and ECC keys, with every wrapping.
 */
export function getParametersCommands(
  key: fc.Arbitrary<KeyRef>,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
  behaviour: BehaviourProfile,
): fc.Arbitrary<KmsCommand> {
  const single = fc
    .tuple(
      key,
      fc.constantFrom(
        "RSAES_OAEP_SHA_256" as const,
        "RSA_AES_KEY_WRAP_SHA_1" as const,
        "RSAES_PKCS1_V1_5" as const,
      ),
      fc.constantFrom(...wrappingKeySpecs, ...wrappingKeySpecs, "SM2" as const),
    )
    .map(([k, algorithm, spec]) => new GetParametersForImportCommand(k, algorithm, spec));
  // Past the ten live parameter sets a key keeps.
  const burst = fc
    .tuple(key, fc.integer({ min: 9, max: 12 }), fc.nat(2), fc.nat(materialPoolSize - 1))
    .map(
      ([k, count, offset, material]) => new GetParametersBurstCommand(k, count, offset, material),
    );
  const choices = [
    { weight: 2, arbitrary: single },
    { weight: 1, arbitrary: burst },
  ];
  if (behaviour === "classic") return fc.oneof(...choices);
  const ofKinds = fc
    .tuple(
      keyChoice(key, "nonSymmetric"),
      fc.constantFrom(
        "RSAES_OAEP_SHA_256" as const,
        "RSAES_OAEP_SHA_1" as const,
        "RSA_AES_KEY_WRAP_SHA_256" as const,
        "RSA_AES_KEY_WRAP_SHA_1" as const,
      ),
      fc.constantFrom(...wrappingKeySpecs),
    )
    .map(([k, algorithm, spec]) => new GetParametersForImportCommand(k, algorithm, spec));
  return fc.oneof(...choices, { weight: 1, arbitrary: ofKinds });
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
export function dataKeyCommands(
  key: fc.Arbitrary<KeyRef>,
  withPlaintext: boolean,
  behaviour: BehaviourProfile = "classic",
) {
  const size = fc.oneof(
    fc.constantFrom("AES_256" as const, "AES_128" as const),
    fc.integer({ min: 1, max: 64 }),
  );
  // In the current profile, sometimes an HMAC, RSA or ECC key, which no data key comes from.
  const keys: fc.Arbitrary<KeyChoice> =
    behaviour === "classic"
      ? key
      : fc.oneof(
          { weight: 5, arbitrary: key },
          { weight: 1, arbitrary: keyChoice(key, "nonSymmetric") },
        );
  return fc
    .tuple(keys, size, contextChoice)
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
