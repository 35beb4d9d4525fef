import fc from "fast-check";
import { AdvanceTimeCommand } from "./commands/advanceTimeCommand.js";
import { AdvanceToDeadlineCommand } from "./commands/advanceToDeadlineCommand.js";
import { CancelKeyDeletionCommand } from "./commands/cancelKeyDeletionCommand.js";
import {
  expiryChoice,
  keyRef,
  materialPoolSize,
  minutesToAdvance,
  tokenChoice,
} from "./commands/commandChoices.js";
import { ConcurrentCommand } from "./commands/concurrentCommand.js";
import { CreateKeyCommand } from "./commands/createKeyCommand.js";
import { DecryptCommand } from "./commands/decryptCommand.js";
import { DeleteImportedKeyMaterialCommand } from "./commands/deleteImportedKeyMaterialCommand.js";
import { DescribeKeyCommand } from "./commands/describeKeyCommand.js";
import { EnableOrDisableKeyCommand } from "./commands/enableOrDisableKeyCommand.js";
import { EncryptCommand } from "./commands/encryptCommand.js";
import { encryptionContexts } from "./commands/encryptionContexts.js";
import { GenerateDataKeyCommand } from "./commands/generateDataKeyCommand.js";
import { GetParametersForImportCommand } from "./commands/getParametersForImportCommand.js";
import { ImportKeyMaterialCommand } from "./commands/importKeyMaterialCommand.js";
import type { KmsCommand, StepCommand } from "./commands/kmsCommand.js";
import { ListKeysCommand } from "./commands/listKeysCommand.js";
import { ScheduleKeyDeletionCommand } from "./commands/scheduleKeyDeletionCommand.js";
import type { KeyRef } from "./model/keyRef.js";

/** Which commands {@link kmsCommands} generates. */
export interface KmsCommandsConstraints {
  /** The most commands in one sequence; default 40. */
  readonly maxCommands?: number;
  /**
   * The wrapping key specs of the import commands; default `["RSA_2048"]`. Larger keys cost a
   * key generation per GetParametersForImport unless the target reuses or pools its key pairs.
   */
  readonly wrappingKeySpecs?: readonly ("RSA_2048" | "RSA_3072" | "RSA_4096")[];
  /** Whether to start two operations at the same time now and then; default `true`. */
  readonly concurrency?: boolean;
  /** Replays a failure: the `replayPath` a {@link KmsModelFailure} reports (with its seed and path). */
  readonly replayPath?: string;
}

/**
 * Model-based commands for fast-check that cover every operation of `Kms` and the passage of
 * time: each command applies one step to a reference model (an independent table of the rules)
 * and to the target, and throws when the target's answer — the response members the model
 * knows, or the error name — differs. Sequences shrink to the shortest that still fails.
 *
 * Most users want {@link runKmsModel}, which runs these against a target; use `kmsCommands`
 * with `fc.asyncModelRun` to combine them with your own commands or setup.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(kmsCommands({ maxCommands: 20 }), (commands) =>
 *   fc.asyncModelRun(setup, commands)));
 * ```
 */
export function kmsCommands(
  constraints: KmsCommandsConstraints = {},
): fc.Arbitrary<Iterable<KmsCommand>> {
  return fc.commands([anyKmsCommand(constraints)], {
    maxCommands: constraints.maxCommands ?? 40,
    size: "max",
    ...(constraints.replayPath === undefined ? {} : { replayPath: constraints.replayPath }),
  });
}

/**
 * One command of {@link kmsCommands}: for `fc.commands([...yourCommands, anyKmsCommand()])`
 * with {@link kmsModelSetup}. `maxCommands` and `replayPath` are ignored here.
 */
export function anyKmsCommand(constraints: KmsCommandsConstraints = {}): fc.Arbitrary<KmsCommand> {
  const { wrappingKeySpecs = ["RSA_2048"], concurrency = true } = constraints;
  if (wrappingKeySpecs.length === 0) {
    throw new RangeError("kmsCommands wrappingKeySpecs must name at least one wrapping key spec.");
  }
  const importKeyMaterial = (key: fc.Arbitrary<KeyRef>) =>
    fc
      .record({
        key,
        material: fc.nat(materialPoolSize - 1),
        token: tokenChoice(wrappingKeySpecs),
        ciphertext: fc.constantFrom(
          "wrapped" as const,
          "wrapped" as const,
          "wrapped" as const,
          "garbage" as const,
          "wrongSize" as const,
        ),
        expiry: expiryChoice,
        importType: fc.constantFrom(
          undefined,
          undefined,
          undefined,
          "NEW_KEY_MATERIAL" as const,
          "EXISTING_KEY_MATERIAL" as const,
        ),
      })
      .map(
        ({ importType, ...choices }) =>
          new ImportKeyMaterialCommand(
            importType === undefined ? choices : { ...choices, importType },
          ),
      );
  // The writes of the lifecycle, on keys `key` names: what two concurrent requests may do.
  const lifecycle = (key: fc.Arbitrary<KeyRef>): fc.Arbitrary<StepCommand> =>
    fc.oneof(
      { weight: 2, arbitrary: key.map((k) => new EnableOrDisableKeyCommand("EnableKey", k)) },
      { weight: 2, arbitrary: key.map((k) => new EnableOrDisableKeyCommand("DisableKey", k)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(key, fc.option(fc.integer({ min: 5, max: 32 }), { nil: undefined }))
          .map(([k, days]) => new ScheduleKeyDeletionCommand(k, days)),
      },
      { weight: 1, arbitrary: key.map((k) => new CancelKeyDeletionCommand(k)) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(key, fc.constantFrom("absent" as const, "current" as const, "foreign" as const))
          .map(([k, id]) => new DeleteImportedKeyMaterialCommand(k, id)),
      },
      { weight: 3, arbitrary: importKeyMaterial(key) },
    );
  // Two writes to the same key at once: where a lost update shows.
  const concurrentWrites = keyRef.chain((key) =>
    fc
      .tuple(lifecycle(fc.constant(key)), lifecycle(fc.constant(key)))
      .map(([first, second]) => new ConcurrentCommand(first, second)),
  );
  const context = fc.nat(encryptionContexts.length - 1);
  const rarely = fc.constantFrom(false, false, false, true);
  return fc.oneof(
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "EXTERNAL" as const,
          "EXTERNAL" as const,
          "AWS_KMS" as const,
          "AWS_CLOUDHSM" as const,
        )
        .map((origin) => new CreateKeyCommand(origin)),
    },
    { weight: 3, arbitrary: keyRef.map((key) => new DescribeKeyCommand(key)) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 1, max: 4 }).map((limit) => new ListKeysCommand(limit)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          keyRef,
          fc.constantFrom(
            "RSAES_OAEP_SHA_256" as const,
            "RSA_AES_KEY_WRAP_SHA_1" as const,
            "RSAES_PKCS1_V1_5" as const,
          ),
          fc.constantFrom(...wrappingKeySpecs, ...wrappingKeySpecs, "SM2" as const),
        )
        .map(([key, algorithm, spec]) => new GetParametersForImportCommand(key, algorithm, spec)),
    },
    { weight: 8, arbitrary: lifecycle(keyRef) },
    { weight: 4, arbitrary: importKeyMaterial(keyRef) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(keyRef, fc.uint8Array({ minLength: 1, maxLength: 64 }), context, rarely)
        .map(([key, plaintext, ctx, dryRun]) => new EncryptCommand(key, plaintext, ctx, dryRun)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          keyRef,
          fc.oneof(
            fc.constantFrom("AES_256" as const, "AES_128" as const),
            fc.integer({ min: 1, max: 64 }),
          ),
          fc.boolean(),
          context,
        )
        .map(
          ([key, size, withPlaintext, ctx]) =>
            new GenerateDataKeyCommand(key, size, withPlaintext, ctx),
        ),
    },
    {
      weight: 4,
      arbitrary: fc
        .record({
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
            "same" as const,
            "other" as const,
          ),
          tamper: rarely,
        })
        .map((choices) => new DecryptCommand(choices)),
    },
    { weight: 3, arbitrary: minutesToAdvance.map((minutes) => new AdvanceTimeCommand(minutes)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            "ValidTo" as const,
            "ParametersValidTo" as const,
            "DeletionDate" as const,
          ),
          fc.nat(3),
          fc.constantFrom(-1, 0, 0, 1),
        )
        .map(([deadline, pick, offset]) => new AdvanceToDeadlineCommand(deadline, pick, offset)),
    },
    ...(concurrency ? [{ weight: 3, arbitrary: concurrentWrites }] : []),
  );
}
