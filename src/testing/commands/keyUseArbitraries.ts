import fc from "fast-check";
import type { BehaviourProfile } from "../../domain/behaviourProfile.js";
import type { SupportedWrappingKeySpec } from "../../domain/wrappingTable.js";
import type { KeyRef } from "../model/keyRef.js";
import type { ModelKeyKind } from "../model/modelKeyKinds.js";
import { DecryptCommand } from "./decryptCommand.js";
import { EncryptCommand } from "./encryptCommand.js";
import { encryptionContexts } from "./encryptionContexts.js";
import { GetPublicKeyCommand } from "./getPublicKeyCommand.js";
import { InTurnCommand } from "./inTurnCommand.js";
import { fits, type KeyChoice, type KeyWant } from "./keyChoice.js";
import { createdKey, keyChoice, kindChoice } from "./kindKeyArbitraries.js";
import type { StepCommand } from "./kmsCommand.js";
import { GenerateMacCommand, VerifyMacCommand } from "./macCommands.js";
import { SignCommand } from "./signCommand.js";
import { VerifyCommand } from "./verifyCommand.js";

// The commands of the operations that use the current profile's HMAC, RSA and ECC keys
// (docs/decisions/0031-hmac-and-asymmetric-import.md). They pick their key mostly among the keys
// of the kind they use, sometimes name one as every other command does, and sometimes create and
// import a key of that kind first.

const rarely = fc.constantFrom(false, false, false, true);
const message = fc.uint8Array({ minLength: 1, maxLength: 64 });
const algorithm = fc.record({
  own: fc.constantFrom(true, true, true, true, false),
  pick: fc.nat(8),
});

/** What the commands of an operation that uses keys are drawn over. */
export interface KeyUseChoices {
  /** The keys the commands name. */
  readonly key: fc.Arbitrary<KeyRef>;
  readonly behaviour: BehaviourProfile;
  readonly wrappingKeySpecs: readonly SupportedWrappingKeySpec[];
}

/**
 * `commands` on the keys a key choice names. In the classic profile, whose keys are all
 * symmetric, the keys `key` names: a cheap refusal each. In the current profile mostly a key of
 * `picked` (by default `want`) the run has, and one time in two a key of `want` created and
 * imported just before (the latest of its kind, which `pick: 0` names).
 */
function onKeys(
  want: KeyWant,
  { key, behaviour, wrappingKeySpecs }: KeyUseChoices,
  commands: (choice: fc.Arbitrary<KeyChoice>) => fc.Arbitrary<StepCommand>,
  picked: KeyWant = want,
): fc.Arbitrary<StepCommand> {
  if (behaviour === "classic") return commands(key);
  const fresh = kindChoice((kind: ModelKeyKind) => fits(kind, want))
    .chain((kind) =>
      fc.tuple(
        createdKey(kind, wrappingKeySpecs),
        commands(fc.constant<KeyChoice>({ kind: "pick", want, pick: 0 })),
      ),
    )
    .map(([created, command]) => new InTurnCommand([created], command));
  return fc.oneof(
    { weight: 1, arbitrary: commands(keyChoice(key, picked)) },
    { weight: 1, arbitrary: fresh },
  );
}

/** Sign commands. */
export function signCommands(choices: KeyUseChoices): fc.Arbitrary<StepCommand> {
  return onKeys("sign", choices, (choice) =>
    fc
      .record({
        key: choice,
        message,
        messageType: fc.constantFrom(
          "RAW" as const,
          "RAW" as const,
          "DIGEST" as const,
          "DIGEST" as const,
          "wrongDigest" as const,
        ),
        algorithm,
        dryRun: rarely,
      })
      .map((choices) => new SignCommand(choices)),
  );
}

/** Verify commands, with the model's valid signatures mostly. */
export function verifyCommands(choices: KeyUseChoices): fc.Arbitrary<StepCommand> {
  return onKeys("sign", choices, (choice) =>
    fc
      .record({
        key: choice,
        message,
        messageType: fc.constantFrom("RAW" as const, "DIGEST" as const),
        algorithm,
        signature: fc.constantFrom(
          "valid" as const,
          "valid" as const,
          "tampered" as const,
          "otherMessage" as const,
        ),
        dryRun: rarely,
      })
      .map((choices) => new VerifyCommand(choices)),
  );
}

/** GenerateMac commands. */
export function generateMacCommands(choices: KeyUseChoices): fc.Arbitrary<StepCommand> {
  return onKeys("mac", choices, (choice) =>
    fc
      .record({ key: choice, message, algorithm, dryRun: rarely })
      .map((choices) => new GenerateMacCommand(choices)),
  );
}

/** VerifyMac commands, with the model's valid MACs mostly. */
export function verifyMacCommands(choices: KeyUseChoices): fc.Arbitrary<StepCommand> {
  return onKeys("mac", choices, (choice) =>
    fc
      .tuple(
        fc.record({ key: choice, message, algorithm, dryRun: rarely }),
        fc.constantFrom(
          "valid" as const,
          "valid" as const,
          "tampered" as const,
          "truncated" as const,
        ),
      )
      .map(([choices, mac]) => new VerifyMacCommand(choices, mac)),
  );
}

/** GetPublicKey commands. */
export function getPublicKeyCommands(choices: KeyUseChoices): fc.Arbitrary<StepCommand> {
  return onKeys("publicKey", choices, (choice) => choice.map((k) => new GetPublicKeyCommand(k)));
}

/**
 * RSAES-OAEP Encrypt commands, mostly under RSA encryption keys, up to and past their limits;
 * three in four followed by a Decrypt of the ciphertext, mostly with its key and algorithm.
 */
export function rsaEncryptCommands(choices: KeyUseChoices): fc.Arbitrary<StepCommand> {
  return onKeys("rsaEncrypt", choices, (choice) =>
    fc
      .tuple(
        choice,
        message,
        fc.oneof(
          { weight: 4, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.nat(encryptionContexts.length - 1) },
        ),
        rarely,
        fc.record({
          algorithm: fc.constantFrom("RSAES_OAEP_SHA_1" as const, "RSAES_OAEP_SHA_256" as const),
          size: fc.constantFrom(
            "asGiven" as const,
            "limit" as const,
            "limit" as const,
            "overLimit" as const,
          ),
        }),
        fc.option(
          fc.record({
            keyId: fc.constantFrom("id" as const, "id" as const, "arn" as const, "none" as const),
            context: fc.constantFrom(
              "same" as const,
              "same" as const,
              "same" as const,
              "other" as const,
            ),
            tamper: rarely,
          }),
          { nil: undefined, freq: 4 },
        ),
      )
      .map(([k, plaintext, ctx, dryRun, rsa, decrypt]) => {
        const encrypt = new EncryptCommand(k, plaintext, ctx, dryRun, rsa);
        // The ciphertext just made is the run's last: pick -1.
        return decrypt === undefined
          ? encrypt
          : new InTurnCommand([encrypt], new DecryptCommand({ pick: -1, ...decrypt }));
      }),
  );
}
