import { keyMetadata } from "../../domain/keyMetadata.js";
import type { DescribeKeyRequest, DescribeKeyResponse } from "../../domain/requests/describeKey.js";
import { validateDescribeKeyRequest } from "../../domain/requests/describeKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { readKey } from "../readKey.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";

/** DescribeKey: the key's `KeyMetadata` at the clock's now; an expiry it observes is persisted (docs/decisions/0012-lazy-time-from-a-clock-port.md). */
export function describeKey(
  deps: ServiceDeps,
): OperationHandler<DescribeKeyRequest, DescribeKeyResponse> {
  return (input) => {
    const now = deps.clock.now();
    return validateDescribeKeyRequest(input, { scope: deps.scope, now })
      .asyncAndThen((reference) => resolveKey(deps, reference, now))
      .andThen((arn) => readKey(deps, arn, now))
      .map((key) => ({ KeyMetadata: keyMetadata(key) }));
  };
}
