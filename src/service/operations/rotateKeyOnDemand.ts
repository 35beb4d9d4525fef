import { okAsync } from "neverthrow";
import { currentKey } from "../../domain/currentKey.js";
import {
  type RotateKeyOnDemandRequest,
  type RotateKeyOnDemandResponse,
  validateKeyIdRequest,
} from "../../domain/requests/keyIdRequest.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

/**
 * RotateKeyOnDemand (docs/decisions/0030-rotation-of-imported-material.md): an `EXTERNAL` key's material pending rotation, or fresh material
 * generated for an `AWS_KMS` key, becomes current at once; earlier ciphertexts keep
 * decrypting. Only the `current` profile rotates.
 */
export function rotateKeyOnDemand(
  deps: ServiceDeps,
): OperationHandler<RotateKeyOnDemandRequest, RotateKeyOnDemandResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateKeyIdRequest(
      input,
      { scope: deps.scope, now },
      "RotateKeyOnDemand",
    ).asyncAndThen((arn) =>
      commitKeyCommand(deps, arn, now, (stored) =>
        currentKey(stored, arn, now)
          .asyncAndThen((key) =>
            key.origin === "AWS_KMS" && key.keyState === "Enabled" && deps.behaviour === "current"
              ? deps.crypto.generateKeyMaterial(key.keyId).map(({ id, sealed }) => ({ id, sealed }))
              : okAsync(undefined),
          )
          .map((generated) => ({
            type: "RotateKeyOnDemand" as const,
            arn,
            behaviour: deps.behaviour,
            rotationLimit: deps.rotationLimit,
            ...(generated === undefined ? {} : { generated }),
          })),
      ).map(({ key }) => ({ KeyId: key.arn })),
    );
  };
}
