import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireErrorName } from "../../src/http/index.js";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { type KmsEndpoint, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { authenticationErrorNames, errorName } from "./support/awsErrorResponse.js";
import { type HttpSender, httpSender, type RawRequest } from "./support/httpSender.js";
import { signRequest } from "./support/signRequest.js";

const now = new Date("2026-03-01T12:00:00.000Z");
const alice = {
  accessKeyId: "AKIDALICE",
  secretAccessKey: "alice-secret",
  accountId: "111111111111",
};
const minute = 60_000;
const internalErrors: unknown[] = [];

let endpoint: KmsEndpoint;
let sender: HttpSender;

beforeAll(async () => {
  endpoint = await startKmsEndpoint({
    credentials: [alice],
    clock: manualClock(now),
    crypto: testCrypto(),
    onInternalError: (error) => internalErrors.push(error),
  });
  sender = httpSender(endpoint.url);
});

afterAll(async () => {
  sender.close();
  await endpoint.close();
});

/** A signed request: its headers and body. */
interface Signed {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** A change to a signed request that its signature must not survive, and the errors it may get. */
interface Fault {
  readonly name: string;
  readonly expected: readonly WireErrorName[];
  readonly apply: (signed: Signed) => RawRequest;
}

const printable = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
const headerValue = fc
  .string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength: 60,
  })
  .filter((v) => v === v.trim());
const invalid: readonly WireErrorName[] = ["InvalidSignatureException"];
const incompleteOrInvalid: readonly WireErrorName[] = [
  "IncompleteSignatureException",
  "InvalidSignatureException",
];

/** Changes made after signing. */
const afterSigning: fc.Arbitrary<Fault> = fc.oneof(
  fc.tuple(fc.string({ unit: "binary", maxLength: 30 }), fc.nat()).map(
    ([text, at]): Fault => ({
      name: `body spliced with ${JSON.stringify(text)} at ${at}`,
      expected: invalid,
      apply: ({ headers, body }) => {
        const i = at % (body.length + 1);
        const changed = body.slice(0, i) + text + body.slice(i);
        return { headers, body: changed === body ? `${body} ` : changed };
      },
    }),
  ),
  fc
    .tuple(
      fc.constantFrom("x-amz-target", "content-type", "host"),
      fc.oneof(
        headerValue,
        fc.constantFrom(
          "TrentService.ListKeys",
          "TrentService.DescribeKey",
          "application/json",
          "localhost",
        ),
      ),
    )
    // node:http puts its own Host in place of an empty one: the one that was signed.
    .filter(([header, value]) => header !== "host" || value !== "")
    .map(
      ([header, value]): Fault => ({
        name: `${header} changed to ${JSON.stringify(value)}`,
        expected: invalid,
        apply: ({ headers, body }) => ({
          headers: { ...headers, [header]: headers[header] === value ? `${value}x` : value },
          body,
        }),
      }),
    ),
  fc
    .oneof(
      headerValue,
      fc
        .integer({ min: -10 * 24 * 60, max: 10 * 24 * 60 })
        .filter((m) => m !== 0)
        .map((m) =>
          new Date(now.getTime() + m * minute).toISOString().replace(/[-:]|\.\d{3}/g, ""),
        ),
    )
    .map(
      (date): Fault => ({
        name: `x-amz-date changed to ${JSON.stringify(date)}`,
        expected: incompleteOrInvalid,
        apply: ({ headers, body }) => ({
          headers: { ...headers, "x-amz-date": headers["x-amz-date"] === date ? "" : date },
          body,
        }),
      }),
    ),
  fc.tuple(fc.nat(), printable).map(
    ([at, c]): Fault => ({
      name: `Authorization with character ${at} changed to ${JSON.stringify(c)}`,
      expected: authenticationErrorNames,
      apply: ({ headers, body }) => {
        const authorization = headers["authorization"] ?? "";
        const i = at % authorization.length;
        const replacement = authorization[i] === c ? (c === "a" ? "b" : "a") : c;
        return {
          headers: {
            ...headers,
            authorization: authorization.slice(0, i) + replacement + authorization.slice(i + 1),
          },
          body,
        };
      },
    }),
  ),
  headerValue
    .filter((value) => !value.startsWith("AWS4-HMAC-SHA256 "))
    .map(
      (value): Fault => ({
        name: `Authorization replaced by ${JSON.stringify(value)}`,
        expected: ["MissingAuthenticationTokenException", "IncompleteSignatureException"],
        apply: ({ headers, body }) => ({ headers: { ...headers, authorization: value }, body }),
      }),
    ),
  fc.constantFrom("authorization", "x-amz-date", "x-amz-target", "content-type").map(
    (header): Fault => ({
      name: `${header} removed`,
      expected: authenticationErrorNames,
      apply: ({ headers, body }) => {
        const { [header]: _, ...rest } = headers;
        return { headers: rest, body };
      },
    }),
  ),
  fc
    .oneof(
      fc.constantFrom("/?x=y", "/?Action=CreateKey", "/?a=b&a=c", "/?="),
      fc
        .string({ unit: fc.constantFrom(..."abc=&%20"), minLength: 1, maxLength: 10 })
        .map((q) => `/?${q}`),
    )
    // A query of nothing but separators is the empty canonical query the client signed.
    .filter((path) => new URLSearchParams(path.slice(2)).size > 0)
    .map(
      (path): Fault => ({
        name: `sent to ${path}`,
        expected: invalid,
        apply: (signed) => ({ ...signed, path }),
      }),
    ),
  fc
    .record({
      method: fc.constantFrom("GET", "PUT", "DELETE", "PATCH"),
      path: fc.constantFrom("/", "/kms"),
    })
    .map(
      ({ method, path }): Fault => ({
        name: `sent as ${method} ${path}`,
        expected: ["UnknownOperationException"],
        apply: (signed) => ({ ...signed, method, path }),
      }),
    ),
);

/** How the request is signed: mostly right, or with the wrong key, secret, scope or time. */
const signing = fc.record({
  accessKeyId: fc.oneof(
    { weight: 4, arbitrary: fc.constant(alice.accessKeyId) },
    fc.string({
      unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
      minLength: 1,
      maxLength: 20,
    }),
  ),
  secretAccessKey: fc.oneof(
    { weight: 4, arbitrary: fc.constant(alice.secretAccessKey) },
    fc.string({ minLength: 1 }),
  ),
  region: fc.oneof(
    { weight: 4, arbitrary: fc.constant("us-east-1") },
    fc.constantFrom("us-west-2", "eu-west-1", "us-east-2", "cn-north-1"),
  ),
  service: fc.oneof(
    { weight: 4, arbitrary: fc.constant("kms") },
    fc.constantFrom("s3", "sts", "kms2"),
  ),
  /** Milliseconds from the server's time, whole seconds. */
  skew: fc
    .oneof(
      { weight: 4, arbitrary: fc.integer({ min: -14 * 60, max: 14 * 60 }) },
      fc.integer({ min: 15 * 60 + 1, max: 400 * 24 * 3600 }),
      fc.integer({ min: -400 * 24 * 3600, max: -(15 * 60 + 1) }),
    )
    .map((seconds) => seconds * 1000),
  contentSha256: fc.boolean(),
  body: fc.constantFrom(
    "{}",
    JSON.stringify({ Origin: "EXTERNAL" }),
    JSON.stringify({ Description: "fuzz", Origin: "EXTERNAL" }),
  ),
});

type Signing = typeof signing extends fc.Arbitrary<infer T> ? T : never;

/** The error a request signed `how` gets, if the signing alone is wrong. */
function signingFault(how: Signing): WireErrorName | undefined {
  if (how.service !== "kms" || how.region !== "us-east-1") return "InvalidSignatureException";
  if (how.accessKeyId !== alice.accessKeyId) return "UnrecognizedClientException";
  if (Math.abs(how.skew) > 15 * minute) return "InvalidSignatureException";
  if (how.secretAccessKey !== alice.secretAccessKey) return "InvalidSignatureException";
  return undefined;
}

async function sign(how: Signing): Promise<Signed> {
  const headers = await signRequest({
    url: endpoint.url,
    ...how,
    date: new Date(now.getTime() + how.skew),
    operation: "CreateKey",
  });
  return { headers, body: how.body };
}

/** The keys alice lists. */
async function listedKeys(): Promise<unknown[]> {
  const headers = await signRequest({
    url: endpoint.url,
    ...alice,
    date: now,
    operation: "ListKeys",
    body: "{}",
  });
  const response = await sender.send({ headers, body: "{}" });
  expect(response.status).toBe(200);
  return JSON.parse(response.body).Keys;
}

/** The errors a request signed `how` and then changed by `fault` may get. */
function expectedErrors(how: Signing, fault: Fault | undefined): readonly WireErrorName[] {
  const wrong = signingFault(how);
  if (fault === undefined) return wrong === undefined ? [] : [wrong];
  if (wrong === undefined || fault.expected.includes("UnknownOperationException")) {
    return fault.expected;
  }
  // Two faults: the endpoint may name either, or the check that meets them first.
  return authenticationErrorNames;
}

describe("a verified-mode endpoint given requests whose signature is wrong", () => {
  it("refuses 2,500 signed requests changed after signing, or signed with the wrong key, secret, scope or time", async () => {
    const cases = fc.oneof(
      fc.record({ how: signing, fault: afterSigning }),
      signing
        .filter((how) => signingFault(how) !== undefined)
        .map((how) => ({ how, fault: undefined })),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ how, fault }) => {
        const signed = await sign(how);
        const response = await sender.send(fault === undefined ? signed : fault.apply(signed));
        const name = errorName(response);
        const expected = expectedErrors(how, fault);
        expect(
          name !== undefined && expected.includes(name),
          `${fault?.name ?? "signed wrong"} (${JSON.stringify(how)}): expected ${expected.join(" or ")}, got ${response.status} ${response.body}`,
        ).toBe(true);
      }),
      { numRuns: 2_500 },
    );
    expect(internalErrors).toEqual([]);
    expect(await listedKeys()).toEqual([]);
    const created = await sign({
      ...alice,
      region: "us-east-1",
      service: "kms",
      skew: 0,
      contentSha256: true,
      body: "{}",
    });
    expect((await sender.send(created)).status).toBe(200);
    expect(await listedKeys()).toHaveLength(1);
  });
});
