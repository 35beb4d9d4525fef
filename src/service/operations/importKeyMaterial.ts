import { err, ok, type Result, ResultAsync } from "neverthrow";
import { currentKey } from "../../domain/currentKey.js";
import { findParameterSet, requireImportable } from "../../domain/importPreconditions.js";
import { keyIdOf } from "../../domain/keyArn.js";
import type { KeyCommand } from "../../domain/keyCommand.js";
import type { KeyRecord } from "../../domain/keyRecord.js";
import { materialFormOf } from "../../domain/keySpec.js";
import { keySpecOf } from "../../domain/keySpecOf.js";
import type { KmsError } from "../../domain/kmsError.js";
import {
  type ImportKeyMaterialInput,
  type ImportKeyMaterialRequest,
  type ImportKeyMaterialResponse,
  validateImportKeyMaterialRequest,
} from "../../domain/requests/importKeyMaterial.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import { readImportToken } from "../importToken.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { thenResult } from "../thenResult.js";

/**
 * ImportKeyMaterial: validates (docs/decisions/0008-expiration-model-and-valid-to.md); checks the key (exists, EXTERNAL, not pending deletion),
 * then the token (docs/decisions/0007-single-use-import-tokens.md), before any RSA work; unwraps and seals the material; then lets the
 * domain apply docs/decisions/0002-material-is-exactly-32-bytes.md, docs/decisions/0004-material-bound-forever.md, docs/decisions/0005-reimport-keeps-the-key-state.md and spend the token.
 */
export function importKeyMaterial(
  deps: ServiceDeps,
): OperationHandler<ImportKeyMaterialRequest, ImportKeyMaterialResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateImportKeyMaterialRequest(input, { scope: deps.scope, now }).asyncAndThen(
      (request) =>
        thenResult(
          commitKeyCommand(
            deps,
            request.arn,
            now,
            (stored) => new ResultAsync(importCommand(deps, request, stored, now)),
          ),
          ({ key, events }) => ok({ KeyId: key.arn, KeyMaterialId: importedMaterialId(events) }),
        ),
    );
  };
}

/**
 * The command that imports the request's material into `stored`: the key and token checked
 * before any RSA work, then the material unwrapped and sealed. Its steps are awaited in turn,
 * one promise each, as the RSA decrypt they surround is often only 0.2 ms.
 */
async function importCommand(
  deps: ServiceDeps,
  request: ImportKeyMaterialInput,
  stored: KeyRecord | undefined,
  now: Date,
): Promise<Result<KeyCommand, KmsError>> {
  const key = currentKey(stored, request.arn, now).andThen(requireImportable);
  if (key.isErr()) return err(key.error);
  const token = await readImportToken(deps.crypto, request.importToken);
  if (token.isErr()) return err(token.error);
  const set = findParameterSet(key.value, token.value, now);
  if (set.isErr()) return err(set.error);
  const unwrapped = await deps.crypto.unwrapKeyMaterial({
    keyId: keyIdOf(request.arn),
    wrapping: set.value,
    sealedPrivateKey: set.value.sealedPrivateKey,
    encryptedKeyMaterial: request.encryptedKeyMaterial,
    form: materialFormOf(keySpecOf(key.value)),
  });
  return unwrapped.map(({ id, sealed, facts, publicKey }) => ({
    type: "ImportKeyMaterial" as const,
    arn: request.arn,
    token: token.value,
    material:
      request.validTo === undefined ? { id, sealed } : { id, sealed, validTo: request.validTo },
    materialFacts: facts,
    ...(publicKey === undefined ? {} : { publicKey }),
    importType: request.importType,
    expectedMaterialId: request.keyMaterialId,
    ...(request.keyMaterialDescription === undefined
      ? {}
      : { description: request.keyMaterialDescription }),
    behaviour: deps.behaviour,
  }));
}

function importedMaterialId(events: readonly { readonly keyMaterialId?: string }[]): string {
  const id = events.at(-1)?.keyMaterialId;
  if (id === undefined) throw new TypeError("A committed import must name its key material.");
  return id;
}
