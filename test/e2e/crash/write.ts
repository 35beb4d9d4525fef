// The requests of the crash test's clients: each write of a key is remembered as unanswered until
// its answer comes, so that after a kill the test knows which one may or may not have landed.
import { KMSServiceException } from "@aws-sdk/client-kms";
import type { ResultAsync } from "neverthrow";
import { expect } from "vitest";
import { wrapKeyMaterial } from "../../../src/client/wrapKeyMaterial.js";
import { maxParameterSetsPerKey } from "../../../src/domain/importPreconditions.js";
import type { KmsError } from "../../../src/domain/kmsError.js";
import type { Kms } from "../../../src/service/kms.js";
import type { ImportParameters, TrackedKey, World, WriteName } from "./crashWorld.js";

/** The process was killed: the client stops without sending anything more. */
export class NoAnswer extends Error {}

/** How long a throttled request waits before it is sent again, and how often at most. */
const throttledRetry = { delayMs: 50, attempts: 100 } as const;

/**
 * Sends one request. Resolves with the answer; throws NoAnswer when none came (the process died
 * before answering, or was already dead) and an Error for any error answer, which no request of
 * the workload should get. `ThrottlingException` (serve has no wrapping key pair ready and
 * generates as many as it may) changed nothing, so the request is sent again after a short
 * wait, as the AWS SDKs do.
 */
export async function send<T>(
  killed: () => boolean,
  what: string,
  call: () => ResultAsync<T, KmsError>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    if (killed()) throw new NoAnswer(what);
    let answer: Awaited<ResultAsync<T, KmsError>>;
    try {
      answer = await call();
    } catch (error) {
      if (error instanceof KMSServiceException) {
        throw new Error(`${what} was answered with ${error.name}: ${error.message}`);
      }
      throw new NoAnswer(what);
    }
    if (answer.isOk()) return answer.value;
    const { name, message } = answer.error;
    if (name !== "ThrottlingException" || attempt === throttledRetry.attempts) {
      throw new Error(`${what} was answered with ${name}: ${message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, throttledRetry.delayMs));
  }
}

/**
 * Sends a write of `key`. While it is unanswered the key remembers it; its answer makes it one
 * of the key's landed writes, and `land` applies it to the key (given the answer; given nothing
 * when a restart finds that the unanswered write landed).
 */
export async function write<T>(
  world: World,
  killed: () => boolean,
  key: TrackedKey,
  name: WriteName,
  land: (answer: T | undefined) => void,
  call: () => ResultAsync<T, KmsError>,
): Promise<T> {
  if (killed()) throw new NoAnswer(name);
  key.unanswered = { write: name, land: () => land(undefined) };
  world.stats.unanswered[name] += 1;
  const answer = await send(killed, `${name} of ${key.keyId}`, call);
  world.stats.unanswered[name] -= 1;
  world.stats.acknowledged[name] += 1;
  key.unanswered = undefined;
  key.landed.push(name);
  land(answer);
  return answer;
}

/** GetParametersForImport: the key keeps the newest ten parameter sets. */
export async function getParameters(
  world: World,
  killed: () => boolean,
  kms: Kms,
  key: TrackedKey,
): Promise<ImportParameters> {
  let fetched: ImportParameters | undefined;
  await write(
    world,
    killed,
    key,
    "GetParametersForImport",
    (answer) => {
      fetched = answer && { importToken: answer.ImportToken, publicKey: answer.PublicKey };
      key.parameterSets.push(fetched);
      key.parameterSets.splice(0, key.parameterSets.length - maxParameterSetsPerKey);
    },
    () =>
      kms.getParametersForImport({
        KeyId: key.keyId,
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: "RSA_2048",
      }),
  );
  return fetched as ImportParameters;
}

/** The newest parameter set of `key` whose answer the test holds. */
export function newestParameters(key: TrackedKey): ImportParameters | undefined {
  return [...key.parameterSets].reverse().find((set) => set !== undefined);
}

/**
 * Imports (or reimports) the key's material with `parameters`, which may have been fetched
 * rounds, and crashes, before.
 */
export async function importMaterial(
  world: World,
  killed: () => boolean,
  kms: Kms,
  key: TrackedKey,
  parameters: ImportParameters,
) {
  const EncryptedKeyMaterial = wrapKeyMaterial({
    publicKey: parameters.publicKey,
    wrappingAlgorithm: "RSAES_OAEP_SHA_256",
    keyMaterial: key.material,
  })._unsafeUnwrap();
  const imported = await write(
    world,
    killed,
    key,
    "ImportKeyMaterial",
    () => {
      const spent = key.parameterSets.indexOf(parameters);
      if (spent < 0) throw new Error(`the test lost track of the parameter sets of ${key.keyId}`);
      key.parameterSets.splice(spent, 1);
      key.state = "Enabled";
    },
    () =>
      kms.importKeyMaterial({
        KeyId: key.keyId,
        ImportToken: parameters.importToken,
        EncryptedKeyMaterial,
        ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      }),
  );
  expect(
    imported.KeyMaterialId,
    `the KeyMaterialId ImportKeyMaterial answered for ${key.keyId}`,
  ).toBe(key.materialId);
}

/** DeleteImportedKeyMaterial: the key is PendingImport again. */
export async function deleteMaterial(
  world: World,
  killed: () => boolean,
  kms: Kms,
  key: TrackedKey,
) {
  await write(
    world,
    killed,
    key,
    "DeleteImportedKeyMaterial",
    () => {
      key.state = "PendingImport";
    },
    () => kms.deleteImportedKeyMaterial({ KeyId: key.keyId }),
  );
}
