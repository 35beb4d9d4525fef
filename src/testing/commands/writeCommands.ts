import fc from "fast-check";
import type { SupportedWrappingKeySpec } from "../../domain/wrappingTable.js";
import type { KeyRef } from "../model/keyRef.js";
import { CancelKeyDeletionCommand } from "./cancelKeyDeletionCommand.js";
import { expiryChoice, materialPoolSize, tokenChoice } from "./commandChoices.js";
import { DeleteImportedKeyMaterialCommand } from "./deleteImportedKeyMaterialCommand.js";
import { EnableOrDisableKeyCommand } from "./enableOrDisableKeyCommand.js";
import { ImportKeyMaterialCommand } from "./importKeyMaterialCommand.js";
import type { StepCommand } from "./kmsCommand.js";
import { ScheduleKeyDeletionCommand } from "./scheduleKeyDeletionCommand.js";

const sometimes = <T>(value: T) => fc.constantFrom(undefined, undefined, undefined, value);

/** An ImportKeyMaterial on the keys `key` names: mostly wrapped material and fresh tokens. */
export function importKeyMaterialCommand(
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

/** A write of the lifecycle on the keys `key` names: what two concurrent requests may do. */
export function lifecycleWriteCommand(
  key: fc.Arbitrary<KeyRef>,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): fc.Arbitrary<StepCommand> {
  return fc.oneof(
    { weight: 2, arbitrary: key.map((k) => new EnableOrDisableKeyCommand("EnableKey", k)) },
    { weight: 2, arbitrary: key.map((k) => new EnableOrDisableKeyCommand("DisableKey", k)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(key, fc.option(fc.integer({ min: 5, max: 32 }), { nil: undefined }))
        .map(([k, days]) => new ScheduleKeyDeletionCommand(k, days)),
    },
    { weight: 2, arbitrary: key.map((k) => new CancelKeyDeletionCommand(k)) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(key, fc.constantFrom("absent" as const, "current" as const, "foreign" as const))
        .map(([k, id]) => new DeleteImportedKeyMaterialCommand(k, id)),
    },
    { weight: 3, arbitrary: importKeyMaterialCommand(key, wrappingKeySpecs) },
  );
}
