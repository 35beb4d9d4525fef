import { Buffer } from "node:buffer";
import { connect } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { type KmsEndpoint, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { errorName, expectAwsError } from "./support/awsErrorResponse.js";
import { type HttpSender, httpSender } from "./support/httpSender.js";
import { junkHeaders, malformedRequest, openModeHeaders } from "./support/malformedRequests.js";

const now = new Date("2026-03-01T12:00:00.000Z");
const maxBodyBytes = 512;
const internalErrors: unknown[] = [];

let endpoint: KmsEndpoint;
let small: KmsEndpoint;
let sender: HttpSender;
let smallSender: HttpSender;

beforeAll(async () => {
  const options = {
    clock: manualClock(now),
    crypto: testCrypto(),
    onInternalError: (error: unknown) => internalErrors.push(error),
  };
  endpoint = await startKmsEndpoint(options);
  small = await startKmsEndpoint({ ...options, maxBodyBytes });
  sender = httpSender(endpoint.url);
  smallSender = httpSender(small.url);
});

afterAll(async () => {
  sender.close();
  smallSender.close();
  await Promise.all([endpoint.close(), small.close()]);
});

/** The keys `to` lists. */
async function listedKeys(to: HttpSender): Promise<unknown[]> {
  const listed = await to.send({ headers: openModeHeaders("TrentService.ListKeys"), body: "{}" });
  expect(listed.status).toBe(200);
  return JSON.parse(listed.body).Keys;
}

/** Asserts that `to` still answers a valid CreateKey. */
async function expectStillAnswering(to: HttpSender) {
  const created = await to.send({
    headers: openModeHeaders("TrentService.CreateKey"),
    body: JSON.stringify({ Origin: "EXTERNAL" }),
  });
  expect(created.status).toBe(200);
  expect(JSON.parse(created.body).KeyMetadata.KeyState).toBe("PendingImport");
}

describe("an open-mode endpoint given malformed requests", () => {
  it("answers 6,000 malformed requests each with a well-formed 4xx AWS error of its kind, and creates no key", async () => {
    await fc.assert(
      fc.asyncProperty(
        malformedRequest(),
        junkHeaders,
        async ({ kind, request, expected }, junk) => {
          const response = await sender.send({
            ...request,
            headers: { ...junk, ...request.headers },
          });
          const name = errorName(response);
          expect(
            name !== undefined && expected.includes(name),
            `${kind}: expected ${expected.join(" or ")}, got ${response.status} ${response.body}`,
          ).toBe(true);
        },
      ),
      { numRuns: 6_000 },
    );
    expect(internalErrors).toEqual([]);
    expect(await listedKeys(sender)).toEqual([]);
    await expectStillAnswering(sender);
  });

  it("answers 1,000 bodies over maxBodyBytes with 413 RequestEntityTooLargeException, whatever else the request holds", async () => {
    const request = fc.record({
      method: fc.constantFrom("POST", "PUT", "GET"),
      path: fc.constantFrom("/", "/x", "/?a=b"),
      headers: fc.oneof(
        fc.constant({}),
        fc.constant(openModeHeaders("TrentService.CreateKey")),
        fc.constant(openModeHeaders("TrentService.Nope")),
      ),
      body: fc.oneof(
        fc.uint8Array({ minLength: maxBodyBytes + 1, maxLength: 8 * maxBodyBytes }),
        fc
          .integer({ min: maxBodyBytes - 12, max: 4 * maxBodyBytes })
          .map((length) => JSON.stringify({ Description: "x".repeat(length) })),
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async (raw) => {
        const error = expectAwsError(await smallSender.send(raw));
        expect(error.__type).toBe("RequestEntityTooLargeException");
      }),
      { numRuns: 1_000 },
    );
    expect(await listedKeys(smallSender)).toEqual([]);
    await expectStillAnswering(smallSender);
  });

  it("survives raw TCP garbage: bytes that are no HTTP, cut requests and lying lengths", async () => {
    const garbage = fc.record({
      bytes: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 512 }),
        fc
          .string({ unit: "binary", minLength: 1, maxLength: 200 })
          .map((text) => Buffer.from(text)),
        fc
          .tuple(
            fc.constantFrom(
              "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{",
              "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n",
              "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
              "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
              "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n",
              "POST / HTTP/1.1\r\nHost: x\r\nX-Amz-Target: TrentService.CreateKey\r\n",
              "POST / HTTP/9.9\r\n\r\n",
              "\r\n\r\n\r\n",
              "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
            ),
            fc.uint8Array({ maxLength: 64 }),
          )
          .map(([head, tail]) => Buffer.concat([Buffer.from(head), tail])),
      ),
      hangUp: fc.constantFrom("end", "destroy"),
    });
    const port = Number(new URL(endpoint.url).port);
    await fc.assert(
      fc.asyncProperty(garbage, async ({ bytes, hangUp }) => {
        const answer = await new Promise<string>((resolve) => {
          const chunks: Buffer[] = [];
          const socket = connect(port, "127.0.0.1", () => {
            socket.write(bytes);
            if (hangUp === "end") socket.end();
            else setImmediate(() => socket.destroy());
          });
          socket.on("data", (chunk: Buffer) => chunks.push(chunk));
          // The endpoint may reset a connection it gave up on.
          socket.on("error", () => {});
          socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
        });
        expect(answer === "" || answer.startsWith("HTTP/1.1 ")).toBe(true);
      }),
      { numRuns: 200 },
    );
    expect(internalErrors).toEqual([]);
    await expectStillAnswering(sender);
  });
});
