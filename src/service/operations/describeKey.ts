import { err, ok, type Result, ResultAsync } from "neverthrow";
import { keyMetadata } from "../../domain/keyMetadata.js";
import type { KmsError } from "../../domain/kmsError.js";
import type { DescribeKeyRequest, DescribeKeyResponse } from "../../domain/requests/describeKey.js";
import { validateDescribeKeyRequest } from "../../domain/requests/describeKey.js";
import type { OperationHandler } from "../operationDescriptor.js";
import { keyAt } from "../readKey.js";
import { resolveKey } from "../resolveKey.js";
import type { ServiceDeps } from "../serviceDeps.js";

/** DescribeKey: the key's `KeyMetadata` at the clock's now; an expiry it observes is persisted (docs/decisions/0012-lazy-time-from-a-clock-port.md). */
export function describeKey(
  deps: ServiceDeps,
): OperationHandler<DescribeKeyRequest, DescribeKeyResponse> {
  return (input) => new ResultAsync(describe(deps, input));
}

/** The steps of DescribeKey awaited in turn: the endpoint's most frequent call, so no chain of promises. */
async function describe(
  deps: ServiceDeps,
  input: unknown,
): Promise<Result<DescribeKeyResponse, KmsError>> {
  const now = deps.clock.now();
  const reference = validateDescribeKeyRequest(input, { scope: deps.scope, now });
  if (reference.isErr()) return err(reference.error);
  const arn = await resolveKey(deps, reference.value, now);
  if (arn.isErr()) return err(arn.error);
  const key = await keyAt(deps, arn.value, now);
  return key.isErr() ? err(key.error) : ok({ KeyMetadata: keyMetadata(key.value) });
}
