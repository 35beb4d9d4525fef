import fc from "fast-check";
import { AdvanceTimeCommand } from "./commands/advanceTimeCommand.js";
import { AdvanceToDeadlineCommand } from "./commands/advanceToDeadlineCommand.js";
import { keyRef, materialPoolSize, minutesToAdvance } from "./commands/commandChoices.js";
import { ConcurrentCommand } from "./commands/concurrentCommand.js";
import { CreateKeyCommand } from "./commands/createKeyCommand.js";
import { DecryptCommand } from "./commands/decryptCommand.js";
import { DescribeKeyCommand } from "./commands/describeKeyCommand.js";
import { EncryptCommand } from "./commands/encryptCommand.js";
import { encryptionContexts } from "./commands/encryptionContexts.js";
import { GenerateDataKeyCommand } from "./commands/generateDataKeyCommand.js";
import { GetParametersBurstCommand } from "./commands/getParametersBurstCommand.js";
import { GetParametersForImportCommand } from "./commands/getParametersForImportCommand.js";
import type { KmsCommand } from "./commands/kmsCommand.js";
import { ListKeysCommand } from "./commands/listKeysCommand.js";
import { importKeyMaterialCommand, lifecycleWriteCommand } from "./commands/writeCommands.js";
import type { KmsCommandsConstraints } from "./kmsCommandsConstraints.js";

/**
 * One command of {@link kmsCommands}: for `fc.commands([...yourCommands, anyKmsCommand()])`
 * with {@link kmsModelSetup}. `maxCommands` and `replayPath` are ignored here.
 */
export function anyKmsCommand(constraints: KmsCommandsConstraints = {}): fc.Arbitrary<KmsCommand> {
  const { wrappingKeySpecs = ["RSA_2048"], concurrency = true } = constraints;
  if (wrappingKeySpecs.length === 0) {
    throw new RangeError("kmsCommands wrappingKeySpecs must name at least one wrapping key spec.");
  }
  // Two writes to the same key at once: where a lost update shows.
  const concurrentWrites = keyRef.chain((key) =>
    fc
      .tuple(
        lifecycleWriteCommand(fc.constant(key), wrappingKeySpecs),
        lifecycleWriteCommand(fc.constant(key), wrappingKeySpecs),
      )
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
        .chain((origin) =>
          fc
            .option(fc.constantFrom("", "model key", "ünïcödé ✓", "x".repeat(300)), {
              nil: undefined,
            })
            .map((description) => new CreateKeyCommand(origin, description)),
        ),
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
    {
      weight: 1,
      arbitrary: fc
        .tuple(keyRef, fc.integer({ min: 9, max: 12 }), fc.nat(2), fc.nat(materialPoolSize - 1))
        .map(
          ([key, count, offset, material]) =>
            new GetParametersBurstCommand(key, count, offset, material),
        ),
    },
    { weight: 8, arbitrary: lifecycleWriteCommand(keyRef, wrappingKeySpecs) },
    { weight: 4, arbitrary: importKeyMaterialCommand(keyRef, wrappingKeySpecs) },
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
            "reordered" as const,
            "other" as const,
          ),
          tamper: rarely,
        })
        .map((choices) => new DecryptCommand(choices)),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(minutesToAdvance, fc.boolean())
        .map(([minutes, thenDescribe]) => new AdvanceTimeCommand(minutes, thenDescribe)),
    },
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
          fc.boolean(),
        )
        .map(
          ([deadline, pick, offset, thenDescribe]) =>
            new AdvanceToDeadlineCommand(deadline, pick, offset, thenDescribe),
        ),
    },
    ...(concurrency ? [{ weight: 3, arbitrary: concurrentWrites }] : []),
  );
}
