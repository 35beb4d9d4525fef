import {
  type GenerateRandomRequest,
  type GenerateRandomResponse,
  validateGenerateRandomRequest,
} from "../../domain/requests/generateRandom.js";
import type { OperationHandler } from "../operationDescriptor.js";
import type { ServiceDeps } from "../serviceDeps.js";

/** GenerateRandom: 1–1024 random bytes from the crypto provider; no key is involved. */
export function generateRandom(
  deps: ServiceDeps,
): OperationHandler<GenerateRandomRequest, GenerateRandomResponse> {
  return (input) =>
    validateGenerateRandomRequest(input).asyncAndThen((numberOfBytes) =>
      deps.crypto.randomBytes(numberOfBytes).map((Plaintext) => ({ Plaintext })),
    );
}
