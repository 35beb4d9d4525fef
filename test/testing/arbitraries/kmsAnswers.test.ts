import fc from "fast-check";
import type { Result } from "neverthrow";
import { describe, expect, it } from "vitest";
import type { KmsError, OperationName } from "../../../src/index.js";
import { createKms } from "../../../src/service/createKms.js";
import type { Kms } from "../../../src/service/kms.js";
import { garbageRequest } from "../../../src/testing/arbitraries/garbageRequest.js";
import { invalidRequest } from "../../../src/testing/arbitraries/invalidRequest.js";
import { manualClock } from "../../../src/testing/manualClock.js";
import { testCrypto } from "../../../src/testing/testCrypto.js";
import { now, operations } from "./arbitraryAssertions.js";

const clock = manualClock(now);
const kms = createKms({ crypto: testCrypto(), clock });

/** Calls the method of `operation` (its name in camelCase) with any request. */
async function answer(operation: OperationName, request: unknown): Promise<string> {
  const method = `${operation.charAt(0).toLowerCase()}${operation.slice(1)}` as keyof Kms;
  const call = kms[method] as (request: unknown) => PromiseLike<Result<unknown, KmsError>>;
  const result = await call(request);
  return result.isOk() ? "ok" : result.error.name;
}

describe("the promises of invalidRequest and garbageRequest, kept by createKms", () => {
  it.each(operations)(
    "%s answers each invalid request with the promised error",
    async (operation) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            invalidRequest(operation, { now: clock }),
            garbageRequest(operation, { now: clock }),
          ),
          async ({ request, error, reason }) => {
            expect({ reason, answer: await answer(operation, request) }).toEqual({
              reason,
              answer: error,
            });
          },
        ),
        { numRuns: 40 },
      );
    },
  );
});
