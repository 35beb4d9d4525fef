import { Buffer } from "node:buffer";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OperationName } from "../../src/service/kmsOperations.js";
import { arbitraries } from "../../src/testing/index.js";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { type KmsEndpoint, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { requestMembers } from "../support/requestMembers.js";
import { errorName } from "./support/awsErrorResponse.js";
import { type HttpSender, httpSender } from "./support/httpSender.js";
import { openModeHeaders } from "./support/malformedRequests.js";
import { blobMembers, timestampMembers } from "./support/wireMembers.js";

const clock = manualClock(new Date("2026-03-01T12:00:00.000Z"));
const operations = Object.keys(requestMembers) as OperationName[];

let endpoint: KmsEndpoint;
let sender: HttpSender;

beforeAll(async () => {
  endpoint = await startKmsEndpoint({ clock, crypto: testCrypto() });
  sender = httpSender(endpoint.url);
});

afterAll(async () => {
  sender.close();
  await endpoint.close();
});

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.getOwnPropertySymbols(value).length === 0 &&
    Object.getOwnPropertyNames(value).length === Object.keys(value).length
  );
}

/** Whether JSON carries `value` as it is: what `JSON.parse(JSON.stringify(value))` gives back equals it. */
function isJson(value: unknown): boolean {
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    return (
      Object.getPrototypeOf(value) === Array.prototype &&
      Object.keys(value).length === value.length &&
      value.every(isJson)
    );
  }
  return isPlainObject(value) && Object.values(value).every(isJson);
}

/**
 * The AWS JSON 1.1 body of a request of `operation`, or `undefined` when JSON cannot carry the
 * request as it is (a `Map`, `NaN`, a blob that is no `Uint8Array`…): then the request on the
 * wire would be another one, with another answer.
 */
function wireBody(operation: OperationName, request: unknown): string | undefined {
  if (!isPlainObject(request)) return isJson(request) ? JSON.stringify(request) : undefined;
  const body: Record<string, unknown> = {};
  for (const [member, value] of Object.entries(request)) {
    if (value === undefined) continue;
    if (value === null) body[member] = null;
    else if (blobMembers[operation]?.includes(member) === true) {
      if (Object.getPrototypeOf(value) !== Uint8Array.prototype) return undefined;
      body[member] = Buffer.from(value as Uint8Array).toString("base64");
    } else if (timestampMembers[operation]?.includes(member) === true) {
      if (!(value instanceof Date) || Number.isNaN(value.getTime())) return undefined;
      body[member] = value.getTime() / 1000;
    } else if (isJson(value)) body[member] = value;
    else return undefined;
  }
  return JSON.stringify(body);
}

/** The test kit's invalid and garbage requests of every operation that JSON carries unchanged. */
const kitRequests = fc
  .oneof(
    ...operations.flatMap((operation) => [
      arbitraries.invalidRequest(operation, { now: clock }),
      arbitraries.garbageRequest(operation, { now: clock }),
    ]),
  )
  .map(({ operation, request, error, reason }) => ({
    operation,
    body: wireBody(operation, request),
    error,
    reason,
  }))
  .filter((kit): kit is typeof kit & { body: string } => kit.body !== undefined);

describe("an open-mode endpoint given the test kit's invalid and garbage requests as JSON", () => {
  it("answers 2,500 of them with exactly the error the kit names", async () => {
    await fc.assert(
      fc.asyncProperty(kitRequests, async ({ operation, body, error, reason }) => {
        const response = await sender.send({
          headers: openModeHeaders(`TrentService.${operation}`),
          body,
        });
        expect(
          errorName(response),
          `${operation} (${reason}): ${body.slice(0, 300)} → ${response.status} ${response.body}`,
        ).toBe(error);
      }),
      { numRuns: 2_500 },
    );
    const listed = await sender.send({ headers: openModeHeaders("TrentService.ListKeys") });
    expect(JSON.parse(listed.body)).toEqual({ Keys: [], Truncated: false });
  });
});
