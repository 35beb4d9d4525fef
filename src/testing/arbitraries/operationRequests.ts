import type { RequestOf } from "../../service/kms.js";
import type { OperationName } from "../../service/kmsOperations.js";

/** The request type of each operation, as `Kms` takes it. */
export type OperationRequests = { readonly [N in OperationName]: RequestOf<N> };
