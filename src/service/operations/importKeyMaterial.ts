import { currentKey } from "../../domain/currentKey.js";
import { findParameterSet, requireImportable } from "../../domain/importPreconditions.js";
import { keyIdOf } from "../../domain/keyArn.js";
import { materialFormOf } from "../../domain/keySpec.js";
import { keySpecOf } from "../../domain/keySpecOf.js";
import type {
  ImportKeyMaterialRequest,
  ImportKeyMaterialResponse,
} from "../../domain/requests/importKeyMaterial.js";
import { validateImportKeyMaterialRequest } from "../../domain/requests/importKeyMaterial.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import { readImportToken } from "../importToken.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

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
        commitKeyCommand(deps, request.arn, now, (stored) =>
          currentKey(stored, request.arn, now)
            .andThen(requireImportable)
            .asyncAndThen((key) =>
              readImportToken(deps.crypto, request.importToken).andThen((token) =>
                findParameterSet(key, token, now).map((set) => ({ key, token, set })),
              ),
            )
            .andThen(({ key, token, set }) =>
              deps.crypto
                .unwrapKeyMaterial({
                  keyId: keyIdOf(request.arn),
                  wrapping: set,
                  sealedPrivateKey: set.sealedPrivateKey,
                  encryptedKeyMaterial: request.encryptedKeyMaterial,
                  form: materialFormOf(keySpecOf(key)),
                })
                .map(({ id, sealed, facts, publicKey }) => ({
                  type: "ImportKeyMaterial" as const,
                  arn: request.arn,
                  token,
                  material:
                    request.validTo === undefined
                      ? { id, sealed }
                      : { id, sealed, validTo: request.validTo },
                  materialFacts: facts,
                  ...(publicKey === undefined ? {} : { publicKey }),
                  importType: request.importType,
                  expectedMaterialId: request.keyMaterialId,
                  ...(request.keyMaterialDescription === undefined
                    ? {}
                    : { description: request.keyMaterialDescription }),
                  behaviour: deps.behaviour,
                })),
            ),
        ).map(({ key, events }) => ({ KeyId: key.arn, KeyMaterialId: importedMaterialId(events) })),
    );
  };
}

function importedMaterialId(events: readonly { readonly keyMaterialId?: string }[]): string {
  const id = events.at(-1)?.keyMaterialId;
  if (id === undefined) throw new TypeError("A committed import must name its key material.");
  return id;
}
