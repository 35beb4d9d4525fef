import type { OperationName } from "../../domain/operationName.js";
import type { RequestOf } from "../../service/kms.js";

/** The request type of each operation, as `Kms` takes it. */
export type OperationRequests = { readonly [N in OperationName]: RequestOf<N> };
