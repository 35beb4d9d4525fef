import { addDays } from "date-fns";
import { okAsync, type ResultAsync } from "neverthrow";
import { wrapKeyMaterial } from "../../src/client/wrapKeyMaterial.js";
import type { KmsError } from "../../src/domain/kmsError.js";
import type { SupportedWrappingAlgorithm } from "../../src/domain/wrappingTable.js";
import {
  type Harness,
  type KeyedOperation,
  type KeyRef,
  type LifecycleCommand,
  unknownKeyId,
} from "./lifecycleCommands.js";

interface HeldParameters {
  readonly keyArn: string;
  readonly importToken: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly wrappingAlgorithm: SupportedWrappingAlgorithm;
}

/** The keys and import parameters a run has collected, next to its harness. */
export interface LifecycleWorld {
  readonly harness: Harness;
  readonly materials: readonly Uint8Array[];
  /** Every key CreateKey returned, in creation order. */
  readonly keys: { readonly keyId: string; readonly arn: string }[];
  readonly parameters: HeldParameters[];
}

/** A world with two EXTERNAL keys and one AWS_KMS key. */
export async function lifecycleWorld(
  harness: Harness,
  materials: readonly Uint8Array[],
): Promise<LifecycleWorld> {
  const world: LifecycleWorld = { harness, materials, keys: [], parameters: [] };
  for (const Origin of ["EXTERNAL", "EXTERNAL", "AWS_KMS"] as const) {
    const { KeyMetadata } = (await harness.kms.createKey({ Origin }))._unsafeUnwrap();
    world.keys.push({ keyId: KeyMetadata.KeyId, arn: KeyMetadata.Arn });
  }
  return world;
}

/** An operation ready to run: what `prepare` set up (parameters, lookups) has already happened. */
export interface PreparedStep {
  /** What the step does, for failure messages. */
  readonly label: string;
  /** Runs the operation under test and records what it returned into the world. */
  readonly run: () => ResultAsync<unknown, KmsError>;
}

/**
 * Turns a command into one KMS operation. Preparation (a GetParametersForImport for a fresh
 * token, a DescribeKey to learn a material ID) runs now, so that a caller can observe the
 * store around the operation under test alone.
 */
export async function prepare(
  world: LifecycleWorld,
  command: LifecycleCommand,
): Promise<PreparedStep> {
  const { kms, clock } = world.harness;
  const label = JSON.stringify(command, (_, v: unknown) =>
    v instanceof Uint8Array ? `<${v.byteLength} bytes>` : v,
  );
  const step = (run: PreparedStep["run"]): PreparedStep => ({ label, run });

  switch (command.kind) {
    case "advance":
      return step(() => {
        clock.advance({ hours: command.hours });
        return okAsync(undefined);
      });
    case "createKey":
      return step(() =>
        kms.createKey({ Origin: command.origin }).map((created) => {
          world.keys.push({ keyId: created.KeyMetadata.KeyId, arn: created.KeyMetadata.Arn });
          return created;
        }),
      );
    case "describeKey":
      return step(() => kms.describeKey({ KeyId: keyIdOf(world, command.key) }));
    case "getParametersForImport":
      return step(() =>
        kms
          .getParametersForImport({
            KeyId: keyIdOf(world, command.key),
            WrappingAlgorithm: command.wrappingAlgorithm,
            WrappingKeySpec: command.wrappingKeySpec,
          })
          .map((parameters) => {
            if (command.wrappingAlgorithm !== "RSAES_PKCS1_V1_5") {
              world.parameters.push({
                keyArn: parameters.KeyId,
                importToken: parameters.ImportToken,
                publicKey: parameters.PublicKey,
                wrappingAlgorithm: command.wrappingAlgorithm,
              });
            }
            return parameters;
          }),
      );
    case "importKeyMaterial":
      return prepareImport(world, command, step);
    case "deleteImportedKeyMaterial": {
      const KeyId = keyIdOf(world, command.key);
      let KeyMaterialId: string | undefined;
      if (command.keyMaterialId === "foreign") KeyMaterialId = "0".repeat(64);
      if (command.keyMaterialId === "current") {
        const described = await kms.describeKey({ KeyId });
        KeyMaterialId = described.isOk()
          ? described.value.KeyMetadata.CurrentKeyMaterialId
          : undefined;
      }
      return step(() =>
        kms.deleteImportedKeyMaterial(
          KeyMaterialId === undefined ? { KeyId } : { KeyId, KeyMaterialId },
        ),
      );
    }
    case "enableKey":
      return step(() => kms.enableKey({ KeyId: keyIdOf(world, command.key) }));
    case "disableKey":
      return step(() => kms.disableKey({ KeyId: keyIdOf(world, command.key) }));
    case "scheduleKeyDeletion":
      return step(() =>
        kms.scheduleKeyDeletion({
          KeyId: keyIdOf(world, command.key),
          PendingWindowInDays: command.days,
        }),
      );
    case "cancelKeyDeletion":
      return step(() => kms.cancelKeyDeletion({ KeyId: keyIdOf(world, command.key) }));
    case "malformedKeyId":
      return step(() => runWithKeyId(world, command.operation, command.keyId));
  }
}

async function prepareImport(
  world: LifecycleWorld,
  command: Extract<LifecycleCommand, { kind: "importKeyMaterial" }>,
  step: (run: PreparedStep["run"]) => PreparedStep,
): Promise<PreparedStep> {
  const { kms, clock } = world.harness;
  const KeyId = keyIdOf(world, command.key);
  const arn = world.keys[command.key.index]?.arn;
  const ownParameters = world.parameters.filter((p) => p.keyArn === arn);
  const otherParameters = world.parameters.filter((p) => p.keyArn !== arn);

  let parameters: HeldParameters | undefined;
  if (command.token.kind === "fresh") {
    const fresh = await kms.getParametersForImport({
      KeyId,
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    });
    if (fresh.isOk()) {
      parameters = {
        keyArn: fresh.value.KeyId,
        importToken: fresh.value.ImportToken,
        publicKey: fresh.value.PublicKey,
        wrappingAlgorithm: "RSAES_OAEP_SHA_256",
      };
      world.parameters.push(parameters);
    } else {
      parameters = ownParameters.at(-1) ?? world.parameters.at(-1);
    }
  } else if (command.token.kind === "held") {
    parameters =
      pick(ownParameters, command.token.pick) ?? pick(world.parameters, command.token.pick);
  } else if (command.token.kind === "otherKey") {
    parameters = pick(otherParameters, command.token.pick);
  }

  const material = world.materials[command.material % world.materials.length] ?? new Uint8Array(32);
  // A forged token, or no parameter set to take one from: bytes this KMS never issued.
  const ImportToken =
    parameters?.importToken ??
    (command.token.kind === "forged" ? command.token.bytes : new Uint8Array(64).fill(1));
  const EncryptedKeyMaterial =
    parameters === undefined || command.ciphertext === "garbage"
      ? new Uint8Array(256).fill(7)
      : wrapKeyMaterial({
          publicKey: parameters.publicKey,
          wrappingAlgorithm: parameters.wrappingAlgorithm,
          keyMaterial: command.ciphertext === "shortMaterial" ? material.subarray(0, 31) : material,
        })._unsafeUnwrap();

  return step(() => {
    const now = clock.now();
    const expiryMembers = (() => {
      switch (command.expiry.kind) {
        case "days":
          return { ValidTo: addDays(now, command.expiry.days) };
        case "never":
          return { ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" as const };
        case "notAfterNow":
          return { ValidTo: now };
        case "tooFar":
          return { ValidTo: addDays(now, 366) };
        case "neverWithValidTo":
          return {
            ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE" as const,
            ValidTo: addDays(now, 1),
          };
        case "missing":
          return {};
      }
    })();
    return kms.importKeyMaterial({ KeyId, ImportToken, EncryptedKeyMaterial, ...expiryMembers });
  });
}

function runWithKeyId(
  world: LifecycleWorld,
  operation: KeyedOperation,
  KeyId: string,
): ResultAsync<unknown, KmsError> {
  const { kms, clock } = world.harness;
  switch (operation) {
    case "describeKey":
      return kms.describeKey({ KeyId });
    case "getParametersForImport":
      return kms.getParametersForImport({
        KeyId,
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: "RSA_2048",
      });
    case "importKeyMaterial":
      return kms.importKeyMaterial({
        KeyId,
        ImportToken: world.parameters.at(-1)?.importToken ?? new Uint8Array(64).fill(1),
        EncryptedKeyMaterial: new Uint8Array(256).fill(7),
        ValidTo: addDays(clock.now(), 30),
      });
    case "deleteImportedKeyMaterial":
      return kms.deleteImportedKeyMaterial({ KeyId });
    case "enableKey":
      return kms.enableKey({ KeyId });
    case "disableKey":
      return kms.disableKey({ KeyId });
    case "scheduleKeyDeletion":
      return kms.scheduleKeyDeletion({ KeyId });
    case "cancelKeyDeletion":
      return kms.cancelKeyDeletion({ KeyId });
  }
}

/** The `KeyId` member for a key reference: its key ID or ARN, or a well-formed ID of no key. */
export function keyIdOf(world: LifecycleWorld, ref: KeyRef): string {
  const key = world.keys[ref.index];
  if (key === undefined) return unknownKeyId;
  return ref.byArn ? key.arn : key.keyId;
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}
