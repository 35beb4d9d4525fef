import { keyAlgorithms } from "../../domain/keyAlgorithms.js";
import { keySpecOf, keyUsageOf } from "../../domain/keySpecOf.js";
import {
  type GetPublicKeyRequest,
  type GetPublicKeyResponse,
  validateGetPublicKeyRequest,
} from "../../domain/requests/getPublicKey.js";
import { requirePublicKey } from "../../domain/requirePublicKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";
import { useEnabledKey } from "../useEnabledKey.js";

/**
 * GetPublicKey: the public half of an `Enabled` RSA or ECC key's imported private key, as DER
 * `SubjectPublicKeyInfo`, with the key's spec, usage and algorithms (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function getPublicKey(
  deps: ServiceDeps,
): OperationHandler<GetPublicKeyRequest, GetPublicKeyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateGetPublicKeyRequest(input, { scope: deps.scope, now }).asyncAndThen(
      (reference) =>
        resolveKey(deps, reference, now)
          .andThen((arn) => useEnabledKey(deps, arn, now))
          .andThen((key) =>
            requirePublicKey(key, "GetPublicKey").map((PublicKey) => {
              const spec = keySpecOf(key);
              const usage = keyUsageOf(key);
              const algorithms = keyAlgorithms(spec, usage);
              return {
                KeyId: key.arn,
                PublicKey,
                CustomerMasterKeySpec: spec,
                KeySpec: spec,
                KeyUsage: usage,
                ...(algorithms.encryption === undefined
                  ? {}
                  : { EncryptionAlgorithms: algorithms.encryption }),
                ...(algorithms.signing === undefined
                  ? {}
                  : { SigningAlgorithms: algorithms.signing }),
              };
            }),
          ),
    );
  };
}
