import { kmsError } from "../domain/kmsError.js";
import type { Kms } from "../service/kms.js";
import type { Authenticate } from "./authenticate.js";
import { decodeRequestBody } from "./decodeRequestBody.js";
import { protocolError } from "./wireError.js";
import { wireOperationOf } from "./wireOperations.js";
import type { WireRequest, WireResponse } from "./wireRequest.js";
import { errorResponse, successResponse } from "./wireResponses.js";

/** What the handler needs: who the caller is, each account's `Kms`, and request IDs. */
export interface KmsRequestHandlerDeps {
  readonly authenticate: Authenticate;
  readonly kmsFor: (accountId: string) => Kms;
  readonly requestId: () => string;
  /**
   * Told about each internal failure: a throw (a bug or a broken port; the caller gets
   * `KMSInternalException`), and each `KMSInternalException` or `DependencyTimeoutException`
   * an operation returned, such as an unreadable stored record or a lost database.
   */
  readonly onInternalError: (error: unknown, requestId: string) => void;
}

/**
 * Answers one AWS JSON 1.1 request: `POST /` with `X-Amz-Target: TrentService.<Operation>`.
 * It authenticates the caller, decodes the body, runs the operation on the caller's account and
 * encodes the result. Every failure becomes an AWS error body `{"__type", "message"}`; the
 * returned promise never rejects.
 */
export function kmsRequestHandler(
  deps: KmsRequestHandlerDeps,
): (request: WireRequest) => Promise<WireResponse> {
  return async (request) => {
    const requestId = deps.requestId();
    try {
      return await answer(request, deps, requestId);
    } catch (error) {
      deps.onInternalError(error, requestId);
      return errorResponse(
        kmsError("KMSInternalException", `An internal error occurred (request ${requestId}).`),
        requestId,
      );
    }
  };
}

async function answer(
  request: WireRequest,
  deps: KmsRequestHandlerDeps,
  requestId: string,
): Promise<WireResponse> {
  const target = request.headers["x-amz-target"];
  const path = request.url.split("?")[0];
  if (request.method !== "POST" || path !== "/") {
    return errorResponse(
      protocolError(
        "UnknownOperationException",
        `This endpoint answers POST / with X-Amz-Target: TrentService.<Operation>; got ${request.method} ${path}.`,
      ),
      requestId,
    );
  }
  const caller = deps.authenticate(request);
  if (caller.isErr()) return errorResponse(caller.error, requestId);
  const found = wireOperationOf(target);
  if (found === undefined) {
    return errorResponse(
      protocolError(
        "UnknownOperationException",
        `Unknown operation ${JSON.stringify(target ?? "")}; X-Amz-Target must name a KMS operation kms-byok implements, e.g. TrentService.CreateKey.`,
      ),
      requestId,
    );
  }
  const decoded = decodeRequestBody(request.body, found.operation);
  if (decoded.isErr()) return errorResponse(decoded.error, requestId);
  const result = await found.operation.call(deps.kmsFor(caller.value), decoded.value as never);
  return result.match(
    (response) => successResponse(response, requestId),
    (error) => {
      if (error.name === "KMSInternalException" || error.name === "DependencyTimeoutException")
        deps.onInternalError(error, requestId);
      return errorResponse(error, requestId);
    },
  );
}
