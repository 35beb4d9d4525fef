import { okAsync } from "neverthrow";
import { keyArn } from "../../domain/keyArn.js";
import { keyMetadata } from "../../domain/keyMetadata.js";
import type { CreateKeyRequest, CreateKeyResponse } from "../../domain/requests/createKey.js";
import { validateCreateKeyRequest } from "../../domain/requests/createKey.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

/**
 * CreateKey: an `EXTERNAL` key starts in `PendingImport`; an `AWS_KMS` key gets generated
 * material. Its tags and policy are stored with it.
 */
export function createKey(
  deps: ServiceDeps,
): OperationHandler<CreateKeyRequest, CreateKeyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateCreateKeyRequest(input, deps).asyncAndThen(({ origin, ...members }) => {
      const keyId = deps.nextId();
      const arn = keyArn(deps.scope, keyId);
      const command = {
        type: "CreateKey",
        arn,
        keyId,
        ...deps.scope,
        ...members,
        origin,
      } as const;
      return commitKeyCommand(deps, arn, now, () =>
        origin === "EXTERNAL"
          ? okAsync(command)
          : deps.crypto
              .generateKeyMaterial(keyId)
              .map(({ id, sealed }) => ({ ...command, material: { id, sealed } })),
      ).map(({ key }) => ({ KeyMetadata: keyMetadata(key) }));
    });
  };
}
