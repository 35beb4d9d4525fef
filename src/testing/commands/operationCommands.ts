import fc from "fast-check";
import type { OperationName } from "../../domain/operationName.js";
import type { SupportedWrappingKeySpec } from "../../domain/wrappingTable.js";
import type { KeyRef } from "../model/keyRef.js";
import { AliasTargetCommand } from "./aliasTargetCommand.js";
import { CancelKeyDeletionCommand } from "./cancelKeyDeletionCommand.js";
import { aliasChoice, expiryChoice, materialPoolSize, tokenChoice } from "./commandChoices.js";
import { CreateKeyCommand } from "./createKeyCommand.js";
import { DecryptCommand } from "./decryptCommand.js";
import { DeleteAliasCommand } from "./deleteAliasCommand.js";
import { DeleteImportedKeyMaterialCommand } from "./deleteImportedKeyMaterialCommand.js";
import { DescribeKeyCommand } from "./describeKeyCommand.js";
import { EnableOrDisableKeyCommand } from "./enableOrDisableKeyCommand.js";
import { EncryptCommand } from "./encryptCommand.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { GenerateDataKeyCommand } from "./generateDataKeyCommand.js";
import { GenerateRandomCommand } from "./generateRandomCommand.js";
import { GetParametersBurstCommand } from "./getParametersBurstCommand.js";
import { GetParametersForImportCommand } from "./getParametersForImportCommand.js";
import { ImportKeyMaterialCommand } from "./importKeyMaterialCommand.js";
import {
  GetKeyPolicyCommand,
  ListKeyPoliciesCommand,
  modelPolicies,
  PutKeyPolicyCommand,
} from "./keyPolicyCommands.js";
import { KeyRotationCommand } from "./keyRotationCommand.js";
import type { KmsCommand, StepCommand } from "./kmsCommand.js";
import { ListAliasesCommand } from "./listAliasesCommand.js";
import { ListKeysCommand } from "./listKeysCommand.js";
import { ReEncryptCommand } from "./reEncryptCommand.js";
import { ScheduleKeyDeletionCommand } from "./scheduleKeyDeletionCommand.js";
import { tagChoice } from "./tagChoices.js";
import { ChangeTagsCommand, ListResourceTagsCommand } from "./tagCommands.js";
import { UpdateKeyDescriptionCommand } from "./updateKeyDescriptionCommand.js";

/** The lifecycle writes that two concurrent requests make on one key. */
export type ConcurrentWrite =
  | "CancelKeyDeletion"
  | "DeleteImportedKeyMaterial"
  | "DisableKey"
  | "EnableKey"
  | "ImportKeyMaterial"
  | "ScheduleKeyDeletion";

/**
 * The commands of each operation (an operation left out does not compile); those of the
 * concurrent writes are single steps, which a concurrent pair can start together.
 */
export type OperationCommands = {
  readonly [N in OperationName]: fc.Arbitrary<N extends ConcurrentWrite ? StepCommand : KmsCommand>;
};

const sometimes = <T>(value: T) => fc.constantFrom(undefined, undefined, undefined, value);

/** An ImportKeyMaterial on the keys `key` names: mostly wrapped material and fresh tokens. */
function importKeyMaterialCommand(
  key: fc.Arbitrary<KeyRef>,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): fc.Arbitrary<StepCommand> {
  return fc
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
      importType: fc.oneof(
        sometimes("NEW_KEY_MATERIAL" as const),
        sometimes("EXISTING_KEY_MATERIAL" as const),
      ),
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
}

const rarely = fc.constantFrom(false, false, false, true);
const context = fc.nat(encryptionContexts.length - 1);
const decryptChoices = fc.record({
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

/** The commands of every operation on the keys `key` names. */
export function operationCommands(
  key: fc.Arbitrary<KeyRef>,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): OperationCommands {
  const dataKeySize = fc.oneof(
    fc.constantFrom("AES_256" as const, "AES_128" as const),
    fc.integer({ min: 1, max: 64 }),
  );
  const dataKey = (withPlaintext: boolean) =>
    fc
      .tuple(key, dataKeySize, context)
      .map(([k, size, ctx]) => new GenerateDataKeyCommand(k, size, withPlaintext, ctx));
  const rotation = (
    operation: "EnableKeyRotation" | "DisableKeyRotation" | "GetKeyRotationStatus",
  ) =>
    fc
      .tuple(key, fc.option(fc.constantFrom(90, 365, 2560), { nil: undefined }))
      .map(
        ([k, days]) =>
          new KeyRotationCommand(
            operation,
            k,
            operation === "EnableKeyRotation" ? days : undefined,
          ),
      );
  const aliasTarget = (operation: "CreateAlias" | "UpdateAlias") =>
    fc.tuple(aliasChoice, key).map(([name, k]) => new AliasTargetCommand(operation, name, k));
  return {
    CancelKeyDeletion: key.map((k) => new CancelKeyDeletionCommand(k)),
    CreateAlias: aliasTarget("CreateAlias"),
    CreateKey: fc
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
              .option(tagChoice, { nil: undefined, freq: 3 })
              .map((tags) => new CreateKeyCommand(origin, description, tags)),
          ),
      ),
    Decrypt: decryptChoices.map((choices) => new DecryptCommand(choices)),
    DeleteAlias: aliasChoice.map((name) => new DeleteAliasCommand(name)),
    DeleteImportedKeyMaterial: fc
      .tuple(key, fc.constantFrom("absent" as const, "current" as const, "foreign" as const))
      .map(([k, id]) => new DeleteImportedKeyMaterialCommand(k, id)),
    DescribeKey: key.map((k) => new DescribeKeyCommand(k)),
    DisableKey: key.map((k) => new EnableOrDisableKeyCommand("DisableKey", k)),
    DisableKeyRotation: rotation("DisableKeyRotation"),
    EnableKey: key.map((k) => new EnableOrDisableKeyCommand("EnableKey", k)),
    EnableKeyRotation: rotation("EnableKeyRotation"),
    Encrypt: fc
      .tuple(key, fc.uint8Array({ minLength: 1, maxLength: 64 }), context, rarely)
      .map(([k, plaintext, ctx, dryRun]) => new EncryptCommand(k, plaintext, ctx, dryRun)),
    GenerateDataKey: dataKey(true),
    GenerateDataKeyWithoutPlaintext: dataKey(false),
    GenerateRandom: fc
      .oneof(fc.integer({ min: 1, max: 64 }), fc.constantFrom(0, 1024, 1025))
      .map((n) => new GenerateRandomCommand(n)),
    GetKeyPolicy: key.map((k) => new GetKeyPolicyCommand(k)),
    GetKeyRotationStatus: rotation("GetKeyRotationStatus"),
    GetParametersForImport: fc.oneof(
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            key,
            fc.constantFrom(
              "RSAES_OAEP_SHA_256" as const,
              "RSA_AES_KEY_WRAP_SHA_1" as const,
              "RSAES_PKCS1_V1_5" as const,
            ),
            fc.constantFrom(...wrappingKeySpecs, ...wrappingKeySpecs, "SM2" as const),
          )
          .map(([k, algorithm, spec]) => new GetParametersForImportCommand(k, algorithm, spec)),
      },
      {
        // Past the ten live parameter sets a key keeps.
        weight: 1,
        arbitrary: fc
          .tuple(key, fc.integer({ min: 9, max: 12 }), fc.nat(2), fc.nat(materialPoolSize - 1))
          .map(
            ([k, count, offset, material]) =>
              new GetParametersBurstCommand(k, count, offset, material),
          ),
      },
    ),
    ImportKeyMaterial: importKeyMaterialCommand(key, wrappingKeySpecs),
    ListAliases: fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.option(key, { nil: undefined }))
      .map(([limit, k]) => new ListAliasesCommand(limit, k)),
    ListKeyPolicies: key.map((k) => new ListKeyPoliciesCommand(k)),
    ListKeys: fc.integer({ min: 1, max: 4 }).map((limit) => new ListKeysCommand(limit)),
    ListResourceTags: fc
      .tuple(key, fc.integer({ min: 1, max: 3 }))
      .map(([k, limit]) => new ListResourceTagsCommand(k, limit)),
    PutKeyPolicy: fc
      .tuple(key, fc.nat(modelPolicies.length - 1))
      .map(([k, policy]) => new PutKeyPolicyCommand(k, policy)),
    ReEncrypt: fc
      .tuple(decryptChoices, key, context)
      .map(([source, k, ctx]) => new ReEncryptCommand(source, k, ctx)),
    ScheduleKeyDeletion: fc
      .tuple(key, fc.option(fc.integer({ min: 5, max: 32 }), { nil: undefined }))
      .map(([k, days]) => new ScheduleKeyDeletionCommand(k, days)),
    TagResource: fc
      .tuple(key, tagChoice)
      .map(([k, tags]) => new ChangeTagsCommand("TagResource", k, tags)),
    UntagResource: fc
      .tuple(key, tagChoice)
      .map(([k, tags]) => new ChangeTagsCommand("UntagResource", k, tags)),
    UpdateAlias: aliasTarget("UpdateAlias"),
    UpdateKeyDescription: fc
      .tuple(key, fc.constantFrom("", "renamed", "x".repeat(8192)))
      .map(([k, description]) => new UpdateKeyDescriptionCommand(k, description)),
  };
}

/**
 * How often `kmsCommands` draws each operation, against the 39 of AdvanceTime, 26 of
 * AdvanceToDeadline and 39 of a concurrent pair (of 626 in all).
 */
export const operationWeights: { readonly [N in OperationName]: number } = {
  CancelKeyDeletion: 16,
  CreateAlias: 16,
  CreateKey: 13,
  Decrypt: 52,
  DeleteAlias: 8,
  DeleteImportedKeyMaterial: 16,
  DescribeKey: 39,
  DisableKey: 16,
  DisableKeyRotation: 6,
  EnableKey: 16,
  EnableKeyRotation: 8,
  Encrypt: 39,
  GenerateDataKey: 13,
  GenerateDataKeyWithoutPlaintext: 13,
  GenerateRandom: 4,
  GetKeyPolicy: 6,
  GetKeyRotationStatus: 6,
  GetParametersForImport: 39,
  ImportKeyMaterial: 76,
  ListAliases: 13,
  ListKeyPolicies: 3,
  ListKeys: 13,
  ListResourceTags: 8,
  PutKeyPolicy: 6,
  ReEncrypt: 20,
  ScheduleKeyDeletion: 16,
  TagResource: 12,
  UntagResource: 8,
  UpdateAlias: 15,
  UpdateKeyDescription: 6,
};

/** How often a concurrent pair draws each of its writes. */
export const concurrentWriteWeights: { readonly [N in ConcurrentWrite]: number } = {
  CancelKeyDeletion: 2,
  DeleteImportedKeyMaterial: 2,
  DisableKey: 2,
  EnableKey: 2,
  ImportKeyMaterial: 3,
  ScheduleKeyDeletion: 2,
};
