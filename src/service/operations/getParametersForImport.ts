import { addHours } from "date-fns";
import { okAsync } from "neverthrow";
import { currentKey } from "../../domain/currentKey.js";
import {
  importParametersLifetimeHours,
  requireImportable,
  requireWrappingFits,
} from "../../domain/importPreconditions.js";
import type {
  GetParametersForImportRequest,
  GetParametersForImportResponse,
} from "../../domain/requests/getParametersForImport.js";
import { validateGetParametersForImportRequest } from "../../domain/requests/getParametersForImport.js";
import type { WrappingKeyPair } from "../../ports/cryptoProvider.js";
import { commitKeyCommand } from "../commitKeyCommand.js";
import { issueImportToken } from "../importToken.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

/**
 * GetParametersForImport (docs/decisions/0007-single-use-import-tokens.md): checks the key first, then generates one fresh wrapping key pair
 * (kept across write retries) and stores it, sealed, as a new parameter set.
 */
export function getParametersForImport(
  deps: ServiceDeps,
): OperationHandler<GetParametersForImportRequest, GetParametersForImportResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateGetParametersForImportRequest(input, { scope: deps.scope, now }).asyncAndThen(
      (request) => {
        const { arn, wrappingAlgorithm, wrappingKeySpec } = request;
        const claims = {
          keyArn: arn,
          parameterSetId: deps.nextId(),
          validTo: addHours(now, importParametersLifetimeHours),
        };
        let generated: WrappingKeyPair | undefined;
        const keyPair = () =>
          generated === undefined
            ? deps.crypto.generateWrappingKeyPair(wrappingKeySpec).map((pair) => (generated = pair))
            : okAsync(generated);

        return issueImportToken(deps.crypto, claims).andThen((importToken) =>
          commitKeyCommand(deps, arn, now, (stored) =>
            currentKey(stored, arn, now)
              .andThen(requireImportable)
              .andThen((key) => requireWrappingFits(key, request))
              .asyncAndThen(keyPair)
              .map(({ sealedPrivateKey }) => ({
                type: "GetParametersForImport" as const,
                arn,
                parameterSet: {
                  id: claims.parameterSetId,
                  wrappingAlgorithm,
                  wrappingKeySpec,
                  sealedPrivateKey,
                  validTo: claims.validTo,
                },
              })),
          )
            .andThen(() => keyPair())
            .map(({ publicKey }) => ({
              KeyId: arn,
              ImportToken: importToken,
              PublicKey: publicKey,
              ParametersValidTo: claims.validTo,
            })),
        );
      },
    );
  };
}
