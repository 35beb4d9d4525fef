import type { OperationName } from "../../../../service/kmsOperations.js";
import { operationKit } from "../../../operationKit.js";
import type { OperationRequests } from "../../operationRequests.js";
import type { OperationBuilder } from "../operationBuilder.js";

/**
 * The request arbitraries of `operation`, from `operationKit`.
 *
 * Throws `TypeError` naming `api` when `operation` is not one kms-byok implements.
 */
export function builderOf<O extends OperationName>(
  operation: O,
  api: string,
): OperationBuilder<OperationRequests[O]> {
  if (!Object.hasOwn(operationKit, operation)) {
    throw new TypeError(`arbitraries.${api}: unknown operation ${String(operation)}.`);
  }
  return operationKit[operation].requests as OperationBuilder<OperationRequests[O]>;
}
