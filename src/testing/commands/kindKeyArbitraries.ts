import fc from "fast-check";
import type { SupportedWrappingKeySpec } from "../../domain/wrappingTable.js";
import type { KeyRef } from "../model/keyRef.js";
import { isRsaSpec, type ModelKeyKind, modelKeyKinds } from "../model/modelKeyKinds.js";
import { expiryChoice, tokenChoice } from "./commandChoices.js";
import { CreateKeyCommand } from "./createKeyCommand.js";
import type { TokenChoice } from "./importChoices.js";
import { ImportKeyMaterialCommand } from "./importKeyMaterialCommand.js";
import { InTurnCommand } from "./inTurnCommand.js";
import { type KeyChoice, type KeyWant, wantOf } from "./keyChoice.js";
import type { StepCommand } from "./kmsCommand.js";

// The HMAC, RSA and ECC keys of the current profile (docs/decisions/0031-hmac-and-asymmetric-import.md):
// how commands create them, import their material and pick them.

/** A key of `want` picked when the command runs; sometimes any HMAC, RSA or ECC key, or `key`. */
export function keyChoice(key: fc.Arbitrary<KeyRef>, want: KeyWant): fc.Arbitrary<KeyChoice> {
  const pick = (of: KeyWant) =>
    fc.nat(3).map((n): KeyChoice => ({ kind: "pick", want: of, pick: n }));
  return fc.oneof(
    { weight: 6, arbitrary: pick(want) },
    { weight: 1, arbitrary: pick("nonSymmetric") },
    { weight: 1, arbitrary: key },
  );
}

/** The kinds of `want` (all of them by default), RSA_3072 and RSA_4096 (slow to generate) rarely. */
export function kindChoice(
  fits: (kind: ModelKeyKind) => boolean = () => true,
): fc.Arbitrary<ModelKeyKind> {
  return fc.oneof(
    ...modelKeyKinds.filter(fits).map((kind) => ({
      weight:
        kind.spec === "RSA_3072" || kind.spec === "RSA_4096" ? 1 : kind.spec === "RSA_2048" ? 4 : 3,
      arbitrary: fc.constant(kind),
    })),
  );
}

/**
 * A fresh token whose wrapping fits a material: RSA_AES_KEY_WRAP only (`aesOnly`, which every
 * material fits, and RSA and P-521 private keys need), or also RSAES-OAEP.
 */
function fittingToken(
  aesOnly: boolean,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): fc.Arbitrary<TokenChoice> {
  return fc.record({
    kind: fc.constant("fresh" as const),
    wrappingAlgorithm: aesOnly
      ? fc.constantFrom("RSA_AES_KEY_WRAP_SHA_256" as const, "RSA_AES_KEY_WRAP_SHA_1" as const)
      : fc.constantFrom("RSA_AES_KEY_WRAP_SHA_256" as const, "RSAES_OAEP_SHA_256" as const),
    wrappingKeySpec: fc.constantFrom(...wrappingKeySpecs),
  });
}

/**
 * CreateKey of a key of `kind`, then an import of one of its spec's materials; with `mistakes`,
 * sometimes of material too short, too long or of another size or curve.
 */
export function createdKey(
  kind: ModelKeyKind,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
  mistakes = false,
): fc.Arbitrary<StepCommand> {
  const aesOnly = isRsaSpec(kind.spec) || kind.spec === "ECC_NIST_P521";
  return fc
    .record({
      material: fc.nat(2),
      token: fittingToken(aesOnly, wrappingKeySpecs),
      expiry: expiryChoice.filter((e) => e.kind === "days" || e.kind === "never"),
      ciphertext: mistakes
        ? fc.constantFrom(
            "wrapped" as const,
            "wrapped" as const,
            "wrapped" as const,
            "wrongSize" as const,
            "tooLong" as const,
          )
        : fc.constant("wrapped" as const),
    })
    .map(
      (choices) =>
        new InTurnCommand(
          [new CreateKeyCommand("EXTERNAL", undefined, undefined, undefined, kind)],
          new ImportKeyMaterialCommand({
            ...choices,
            key: { kind: "pick", want: wantOf(kind), pick: 0 },
          }),
        ),
    );
}

/**
 * CreateKey commands of HMAC, RSA and ECC keys: mostly created and their material imported at
 * once, sometimes left pending import, sometimes refused (no usage, one the spec does not
 * allow, or Origin AWS_KMS).
 */
export function kindKeyCommands(
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): fc.Arbitrary<StepCommand> {
  return kindChoice().chain((kind) => {
    const refused = fc
      .constantFrom("missing" as const, "other" as const, "AWS_KMS" as const)
      .map((mistake) =>
        mistake === "AWS_KMS"
          ? new CreateKeyCommand("AWS_KMS", undefined, undefined, undefined, kind)
          : new CreateKeyCommand("EXTERNAL", undefined, undefined, undefined, {
              spec: kind.spec,
              usage:
                mistake === "missing"
                  ? "missing"
                  : kind.usage === "GENERATE_VERIFY_MAC"
                    ? "SIGN_VERIFY"
                    : "GENERATE_VERIFY_MAC",
            }),
      );
    return fc.oneof(
      { weight: 5, arbitrary: createdKey(kind, wrappingKeySpecs, true) },
      {
        weight: 2,
        arbitrary: fc.constant(
          new CreateKeyCommand("EXTERNAL", undefined, undefined, undefined, kind),
        ),
      },
      { weight: 1, arbitrary: refused },
    );
  });
}

/**
 * ImportKeyMaterial commands into HMAC, RSA and ECC keys: their spec's materials (the first again,
 * or another), material of the wrong size or kind, garbage, and now and then `ImportType` or
 * `KeyMaterialId`, which these keys refuse.
 */
export function kindImportCommands(
  key: fc.Arbitrary<KeyRef>,
  wrappingKeySpecs: readonly SupportedWrappingKeySpec[],
): fc.Arbitrary<StepCommand> {
  const sometimes = <T>(value: T) => fc.option(fc.constant(value), { nil: undefined, freq: 8 });
  return fc
    .record({
      key: keyChoice(key, "nonSymmetric"),
      material: fc.nat(2),
      token: fc.oneof(
        { weight: 3, arbitrary: fittingToken(true, wrappingKeySpecs) },
        { weight: 2, arbitrary: tokenChoice(wrappingKeySpecs) },
      ),
      ciphertext: fc.constantFrom(
        "wrapped" as const,
        "wrapped" as const,
        "wrapped" as const,
        "wrapped" as const,
        "garbage" as const,
        "wrongSize" as const,
        "tooLong" as const,
      ),
      expiry: expiryChoice,
      importType: sometimes("EXISTING_KEY_MATERIAL" as const),
      keyMaterialId: sometimes("matching" as const),
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
