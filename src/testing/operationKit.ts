import fc from "fast-check";
import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import type { SupportedWrappingKeySpec } from "../domain/wrappingTable.js";
import type { RequestOf } from "../service/kms.js";
import type { OperationName } from "../service/kmsOperations.js";
import type { OperationBuilder } from "./arbitraries/_internals/operationBuilder.js";
import { aliasTargetRequests } from "./arbitraries/_internals/requests/aliasTarget.js";
import { createKeyRequests } from "./arbitraries/_internals/requests/createKey.js";
import { decryptRequests } from "./arbitraries/_internals/requests/decrypt.js";
import { deleteAliasRequests } from "./arbitraries/_internals/requests/deleteAlias.js";
import { deleteImportedKeyMaterialRequests } from "./arbitraries/_internals/requests/deleteImportedKeyMaterial.js";
import { describeKeyRequests } from "./arbitraries/_internals/requests/describeKey.js";
import { encryptRequests } from "./arbitraries/_internals/requests/encrypt.js";
import { generateDataKeyRequests } from "./arbitraries/_internals/requests/generateDataKey.js";
import { generateMacRequests } from "./arbitraries/_internals/requests/generateMac.js";
import { generateRandomRequests } from "./arbitraries/_internals/requests/generateRandom.js";
import { getParametersForImportRequests } from "./arbitraries/_internals/requests/getParametersForImport.js";
import { getPublicKeyRequests } from "./arbitraries/_internals/requests/getPublicKey.js";
import { importKeyMaterialRequests } from "./arbitraries/_internals/requests/importKeyMaterial.js";
import { keyIdOnlyRequests } from "./arbitraries/_internals/requests/keyIdOnly.js";
import {
  getKeyPolicyRequests,
  listKeyPoliciesRequests,
  putKeyPolicyRequests,
} from "./arbitraries/_internals/requests/keyPolicy.js";
import { enableKeyRotationRequests } from "./arbitraries/_internals/requests/keyRotation.js";
import { listAliasesRequests } from "./arbitraries/_internals/requests/listAliases.js";
import { listKeyRotationsRequests } from "./arbitraries/_internals/requests/listKeyRotations.js";
import { listKeysRequests } from "./arbitraries/_internals/requests/listKeys.js";
import { reEncryptRequests } from "./arbitraries/_internals/requests/reEncrypt.js";
import { scheduleKeyDeletionRequests } from "./arbitraries/_internals/requests/scheduleKeyDeletion.js";
import { signRequests } from "./arbitraries/_internals/requests/sign.js";
import {
  listResourceTagsRequests,
  tagResourceRequests,
  untagResourceRequests,
} from "./arbitraries/_internals/requests/tags.js";
import { updateKeyDescriptionRequests } from "./arbitraries/_internals/requests/updateKeyDescription.js";
import { verifyRequests } from "./arbitraries/_internals/requests/verify.js";
import { verifyMacRequests } from "./arbitraries/_internals/requests/verifyMac.js";
import { CancelKeyDeletionCommand } from "./commands/cancelKeyDeletionCommand.js";
import {
  aliasTargetCommands,
  contextChoice,
  createKeyCommands,
  dataKeyCommands,
  decryptChoices,
  encryptCommands,
  getParametersCommands,
  importKeyMaterialCommands,
  rotationCommands,
} from "./commands/commandArbitraries.js";
import { aliasTargetChoice, rotationTarget } from "./commands/commandChoices.js";
import { DecryptCommand } from "./commands/decryptCommand.js";
import { DeleteAliasCommand } from "./commands/deleteAliasCommand.js";
import {
  DeleteImportedKeyMaterialCommand,
  type MaterialIdChoice,
} from "./commands/deleteImportedKeyMaterialCommand.js";
import { DescribeKeyCommand } from "./commands/describeKeyCommand.js";
import { EnableOrDisableKeyCommand } from "./commands/enableOrDisableKeyCommand.js";
import { GenerateRandomCommand } from "./commands/generateRandomCommand.js";
import {
  GetKeyPolicyCommand,
  ListKeyPoliciesCommand,
  modelPolicies,
  PutKeyPolicyCommand,
} from "./commands/keyPolicyCommands.js";
import {
  generateMacCommands,
  getPublicKeyCommands,
  signCommands,
  verifyCommands,
  verifyMacCommands,
} from "./commands/keyUseArbitraries.js";
import type { KmsCommand, StepCommand } from "./commands/kmsCommand.js";
import { ListAliasesCommand } from "./commands/listAliasesCommand.js";
import { ListKeyRotationsCommand } from "./commands/listKeyRotationsCommand.js";
import { ListKeysCommand } from "./commands/listKeysCommand.js";
import { ReEncryptCommand } from "./commands/reEncryptCommand.js";
import { RotateKeyOnDemandCommand } from "./commands/rotateKeyOnDemandCommand.js";
import { ScheduleKeyDeletionCommand } from "./commands/scheduleKeyDeletionCommand.js";
import { tagChoice } from "./commands/tagChoices.js";
import { ChangeTagsCommand, ListResourceTagsCommand } from "./commands/tagCommands.js";
import { UpdateKeyDescriptionCommand } from "./commands/updateKeyDescriptionCommand.js";
import type { KeyRef } from "./model/keyRef.js";

/** The lifecycle writes that two concurrent requests make on one key. */
export type ConcurrentWrite =
  | "CancelKeyDeletion"
  | "DeleteImportedKeyMaterial"
  | "DisableKey"
  | "EnableKey"
  | "ImportKeyMaterial"
  | "ScheduleKeyDeletion";

/** What the commands of an operation are drawn over. */
export interface CommandChoices {
  /** The keys the commands name. */
  readonly key: fc.Arbitrary<KeyRef>;
  /** The profile of the run: commands lean towards what it can do. */
  readonly behaviour: BehaviourProfile;
  readonly wrappingKeySpecs: readonly SupportedWrappingKeySpec[];
}

/** What the test kit knows of one operation. */
export interface OperationKit<N extends OperationName> {
  /** Its request arbitraries, for `validRequest`, `invalidRequest` and `garbageRequest`. */
  readonly requests: OperationBuilder<RequestOf<N>>;
  /** How often `kmsCommands` draws it. */
  readonly weight: number;
  /**
   * Its model-based commands; those of the concurrent writes are single steps, which a
   * concurrent pair can start together.
   */
  readonly commands: (
    choices: CommandChoices,
  ) => fc.Arbitrary<N extends ConcurrentWrite ? StepCommand : KmsCommand>;
}

/**
 * What the test kit knows of each operation: its request arbitraries, its commands and their
 * weight in `kmsCommands` (against the 39 of AdvanceTime, 26 of AdvanceToDeadline and 39 of a
 * concurrent pair). An operation of `kmsOperations` without an entry here does not compile.
 */
export const operationKit: { readonly [N in OperationName]: OperationKit<N> } = {
  CancelKeyDeletion: {
    requests: keyIdOnlyRequests,
    weight: 16,
    commands: ({ key }) => key.map((k) => new CancelKeyDeletionCommand(k)),
  },
  CreateAlias: {
    requests: aliasTargetRequests(true),
    weight: 16,
    commands: ({ key }) => aliasTargetCommands(key, "CreateAlias"),
  },
  CreateKey: {
    requests: createKeyRequests,
    weight: 13,
    commands: ({ behaviour, wrappingKeySpecs }) => createKeyCommands(behaviour, wrappingKeySpecs),
  },
  Decrypt: {
    requests: decryptRequests,
    weight: 52,
    commands: () => decryptChoices.map((choices) => new DecryptCommand(choices)),
  },
  DeleteAlias: {
    requests: deleteAliasRequests,
    weight: 8,
    commands: () => aliasTargetChoice.map((name) => new DeleteAliasCommand(name)),
  },
  DeleteImportedKeyMaterial: {
    requests: deleteImportedKeyMaterialRequests,
    weight: 16,
    commands: ({ key, behaviour }) =>
      fc
        .tuple(
          key,
          fc.constantFrom<MaterialIdChoice>(
            "absent",
            "current",
            "foreign",
            ...(behaviour === "current" ? (["nonCurrent", "pending"] as const) : []),
          ),
        )
        .map(([k, id]) => new DeleteImportedKeyMaterialCommand(k, id)),
  },
  DescribeKey: {
    requests: describeKeyRequests,
    weight: 39,
    commands: ({ key }) => key.map((k) => new DescribeKeyCommand(k)),
  },
  DisableKey: {
    requests: keyIdOnlyRequests,
    weight: 16,
    commands: ({ key }) => key.map((k) => new EnableOrDisableKeyCommand("DisableKey", k)),
  },
  DisableKeyRotation: {
    requests: keyIdOnlyRequests,
    weight: 4,
    commands: ({ key }) => rotationCommands(key, "DisableKeyRotation"),
  },
  EnableKey: {
    requests: keyIdOnlyRequests,
    weight: 16,
    commands: ({ key }) => key.map((k) => new EnableOrDisableKeyCommand("EnableKey", k)),
  },
  EnableKeyRotation: {
    requests: enableKeyRotationRequests,
    weight: 6,
    commands: ({ key }) => rotationCommands(key, "EnableKeyRotation"),
  },
  Encrypt: {
    requests: encryptRequests,
    weight: 39,
    commands: ({ key, behaviour, wrappingKeySpecs }) =>
      encryptCommands(key, behaviour, wrappingKeySpecs),
  },
  GenerateDataKey: {
    requests: generateDataKeyRequests(true),
    weight: 13,
    commands: ({ key, behaviour }) => dataKeyCommands(key, true, behaviour),
  },
  GenerateDataKeyWithoutPlaintext: {
    requests: generateDataKeyRequests(false),
    weight: 13,
    commands: ({ key, behaviour }) => dataKeyCommands(key, false, behaviour),
  },
  GenerateMac: {
    requests: generateMacRequests,
    weight: 6,
    commands: (choices) => generateMacCommands(choices),
  },
  GenerateRandom: {
    requests: generateRandomRequests,
    weight: 2,
    commands: () =>
      fc
        .oneof(fc.integer({ min: 1, max: 64 }), fc.constantFrom(0, 1024, 1025))
        .map((n) => new GenerateRandomCommand(n)),
  },
  GetKeyPolicy: {
    requests: getKeyPolicyRequests,
    weight: 3,
    commands: ({ key }) => key.map((k) => new GetKeyPolicyCommand(k)),
  },
  GetKeyRotationStatus: {
    requests: keyIdOnlyRequests,
    weight: 4,
    commands: ({ key }) => rotationCommands(key, "GetKeyRotationStatus"),
  },
  GetPublicKey: {
    requests: getPublicKeyRequests,
    weight: 5,
    commands: (choices) => getPublicKeyCommands(choices),
  },
  GetParametersForImport: {
    requests: getParametersForImportRequests,
    weight: 39,
    commands: ({ key, wrappingKeySpecs, behaviour }) =>
      getParametersCommands(key, wrappingKeySpecs, behaviour),
  },
  ImportKeyMaterial: {
    requests: importKeyMaterialRequests,
    weight: 100,
    commands: ({ key, wrappingKeySpecs, behaviour }) =>
      importKeyMaterialCommands(key, wrappingKeySpecs, behaviour),
  },
  ListAliases: {
    requests: listAliasesRequests,
    weight: 6,
    commands: ({ key }) =>
      fc
        .tuple(fc.integer({ min: 1, max: 4 }), fc.option(key, { nil: undefined }))
        .map(([limit, k]) => new ListAliasesCommand(limit, k)),
  },
  ListKeyPolicies: {
    requests: listKeyPoliciesRequests,
    weight: 2,
    commands: ({ key }) => key.map((k) => new ListKeyPoliciesCommand(k)),
  },
  ListKeyRotations: {
    requests: listKeyRotationsRequests,
    weight: 6,
    commands: ({ key, behaviour }) =>
      fc
        .tuple(
          rotationTarget(key, behaviour),
          fc.constantFrom(undefined, "ALL_KEY_MATERIAL" as const, "ROTATIONS_ONLY" as const),
          fc.integer({ min: 1, max: 3 }),
        )
        .map(([k, include, limit]) => new ListKeyRotationsCommand(k, include, limit)),
  },
  ListKeys: {
    requests: listKeysRequests,
    weight: 13,
    commands: () => fc.integer({ min: 1, max: 4 }).map((limit) => new ListKeysCommand(limit)),
  },
  ListResourceTags: {
    requests: listResourceTagsRequests,
    weight: 4,
    commands: ({ key }) =>
      fc
        .tuple(key, fc.integer({ min: 1, max: 3 }))
        .map(([k, limit]) => new ListResourceTagsCommand(k, limit)),
  },
  PutKeyPolicy: {
    requests: putKeyPolicyRequests,
    weight: 5,
    commands: ({ key }) =>
      fc
        .tuple(key, fc.nat(modelPolicies.length - 1))
        .map(([k, policy]) => new PutKeyPolicyCommand(k, policy)),
  },
  ReEncrypt: {
    requests: reEncryptRequests,
    weight: 16,
    commands: ({ key }) =>
      fc
        .tuple(decryptChoices, key, contextChoice)
        .map(([source, k, ctx]) => new ReEncryptCommand(source, k, ctx)),
  },
  RotateKeyOnDemand: {
    requests: keyIdOnlyRequests,
    weight: 10,
    commands: ({ key, behaviour }) =>
      rotationTarget(key, behaviour).map((k) => new RotateKeyOnDemandCommand(k)),
  },
  ScheduleKeyDeletion: {
    requests: scheduleKeyDeletionRequests,
    weight: 16,
    commands: ({ key }) =>
      fc
        .tuple(key, fc.option(fc.integer({ min: 5, max: 32 }), { nil: undefined }))
        .map(([k, days]) => new ScheduleKeyDeletionCommand(k, days)),
  },
  Sign: {
    requests: signRequests,
    weight: 8,
    commands: (choices) => signCommands(choices),
  },
  TagResource: {
    requests: tagResourceRequests,
    weight: 8,
    commands: ({ key }) =>
      fc
        .tuple(key, tagChoice, fc.integer({ min: 1, max: 3 }))
        .map(([k, tags, limit]) => new ChangeTagsCommand("TagResource", k, tags, limit)),
  },
  UntagResource: {
    requests: untagResourceRequests,
    weight: 6,
    commands: ({ key }) =>
      fc
        .tuple(key, tagChoice, fc.integer({ min: 1, max: 3 }))
        .map(([k, tags, limit]) => new ChangeTagsCommand("UntagResource", k, tags, limit)),
  },
  UpdateAlias: {
    requests: aliasTargetRequests(false),
    weight: 10,
    commands: ({ key }) => aliasTargetCommands(key, "UpdateAlias"),
  },
  Verify: {
    requests: verifyRequests,
    weight: 6,
    commands: (choices) => verifyCommands(choices),
  },
  VerifyMac: {
    requests: verifyMacRequests,
    weight: 5,
    commands: (choices) => verifyMacCommands(choices),
  },
  UpdateKeyDescription: {
    requests: updateKeyDescriptionRequests,
    weight: 4,
    commands: ({ key }) =>
      fc
        .tuple(key, fc.constantFrom("", "renamed", "x".repeat(8192)))
        .map(([k, description]) => new UpdateKeyDescriptionCommand(k, description)),
  },
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
