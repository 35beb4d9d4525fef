import { Buffer } from "node:buffer";
import fc from "fast-check";
import type { WireErrorName } from "../../../src/http/index.js";
import type { OperationName } from "../../../src/service/kmsOperations.js";
import { requestMembers } from "../../support/requestMembers.js";
import { clientErrorNames } from "./awsErrorResponse.js";
import type { RawRequest } from "./httpSender.js";
import { blobMembers } from "./wireMembers.js";

/** A request with something wrong in it, and the errors it may get. */
export interface MalformedRequest {
  /** What is wrong, for the report of a failing run. */
  readonly kind: string;
  readonly request: RawRequest;
  /** The error it must get, or the errors it may get. */
  readonly expected: readonly WireErrorName[];
}

/** The date of every request, and a well-formed authorization for it that open mode accepts. */
export const amzDate = "20260301T120000Z";
export const wellFormedAuthorization = `AWS4-HMAC-SHA256 Credential=local/20260301/us-east-1/kms/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${"0f".repeat(32)}`;

const operations = Object.keys(requestMembers) as OperationName[];
/** Operations a well-formed call of which can succeed on a fresh server. */
const keylessOperations: readonly OperationName[] = ["CreateKey", "ListAliases", "ListKeys"];
/** The operations that need an existing key or alias: any well-formed call of them fails on a fresh server. */
const keyedOperations = operations.filter((name) => !keylessOperations.includes(name));
const blobs = Object.entries(blobMembers).flatMap(([operation, members]) =>
  (members ?? []).map((member) => [operation as OperationName, member] as const),
);
const protocolErrors: readonly WireErrorName[] = [
  "UnknownOperationException",
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
  "InvalidSignatureException",
  "UnrecognizedClientException",
  "RequestEntityTooLargeException",
];
/** What an authenticated request of a known operation with a JSON object body may get. */
const kmsErrors = clientErrorNames.filter((name) => !protocolErrors.includes(name));

/** The headers of a request that open mode authenticates, with `X-Amz-Target: target` (none when undefined). */
export function openModeHeaders(target: string | undefined): Record<string, string> {
  return {
    authorization: wellFormedAuthorization,
    "x-amz-date": amzDate,
    "content-type": "application/x-amz-json-1.1",
    ...(target === undefined ? {} : { "x-amz-target": target }),
  };
}

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
/** A header value as `node:http` sends it: printable ASCII, no surrounding spaces. */
const headerValue = fc
  .string({ unit: printable, maxLength: 80 })
  .filter((value) => value === value.trim());
const tokenChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~");
/** Headers that mean something to HTTP or to the endpoint, never sent as junk. */
const meaningful =
  /^(?:authorization|host|content-.*|transfer-encoding|connection|keep-alive|expect|te|trailer|upgrade|proxy-.*|x-amz.*)$/;
/** Up to four headers that mean nothing here. */
export const junkHeaders = fc.dictionary(
  fc
    .string({ unit: tokenChar, minLength: 1, maxLength: 20 })
    .filter((name) => !meaningful.test(name)),
  headerValue,
  { maxKeys: 4 },
);

const target = (operation: OperationName) => `TrentService.${operation}`;

function call(
  kind: string,
  operation: OperationName,
  body: string | Uint8Array,
  expected: readonly WireErrorName[],
): MalformedRequest {
  return { kind, request: { headers: openModeHeaders(target(operation)), body }, expected };
}

function parsesAsJson(body: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    return true;
  } catch {
    return false;
  }
}

/** Bodies that are not UTF-8 JSON: text, truncated JSON and random bytes. */
const notJson = fc
  .oneof(
    fc.string({ unit: "binary", minLength: 1 }).map((text) => new Uint8Array(Buffer.from(text))),
    fc.tuple(fc.jsonValue(), fc.nat()).map(([value, cut]) => {
      const text = JSON.stringify({ KeyId: value });
      return new Uint8Array(Buffer.from(text.slice(0, 1 + (cut % (text.length - 1)))));
    }),
    fc.uint8Array({ minLength: 1, maxLength: 64 }),
    fc
      .constantFrom("{", "}", "{]", "{'KeyId': 'x'}", "{KeyId: 1}", "[1,]", "\u00ff\u00fe")
      .map((text) => new Uint8Array(Buffer.from(text, "latin1"))),
  )
  .filter((body) => !parsesAsJson(body));

const badJson = fc
  .tuple(fc.constantFrom(...operations), notJson)
  .map(([operation, body]) =>
    call("a body that is not JSON", operation, body, ["SerializationException"]),
  );

const nonObjectJson = fc
  .tuple(
    fc.constantFrom(...operations),
    fc
      .jsonValue()
      .filter((value) => typeof value !== "object" || value === null || Array.isArray(value)),
  )
  .map(([operation, value]) =>
    call("a JSON body that is not an object", operation, JSON.stringify(value), [
      "SerializationException",
    ]),
  );

/** JSON values no member of the keyless operations takes: objects and non-empty arrays of scalars. */
const wrongForEveryMember = fc.oneof(
  fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1, maxKeys: 3 }),
  fc.array(fc.oneof(fc.integer(), fc.boolean(), fc.string()), { minLength: 1, maxLength: 4 }),
);

const wrongTypes = fc.oneof(
  fc
    .constantFrom(...keyedOperations)
    .chain((operation) =>
      fc.tuple(
        fc.constant(operation),
        fc.constantFrom(...requestMembers[operation]),
        fc.jsonValue(),
      ),
    )
    .map(([operation, member, value]) =>
      call(
        `${member} of ${operation} is ${JSON.stringify(value)}`,
        operation,
        JSON.stringify({ [member]: value }),
        kmsErrors,
      ),
    ),
  fc
    .constantFrom(...keylessOperations)
    .chain((operation) =>
      fc.tuple(
        fc.constant(operation),
        fc.constantFrom(...requestMembers[operation]),
        wrongForEveryMember,
      ),
    )
    .map(([operation, member, value]) =>
      call(
        `${member} of ${operation} is ${JSON.stringify(value)}`,
        operation,
        JSON.stringify({ [member]: value }),
        kmsErrors,
      ),
    ),
);

const longText = (min: number, max: number) =>
  fc
    .tuple(fc.integer({ min, max }), fc.constantFrom("x", "1", "é", "/"))
    .map(([n, c]) => c.repeat(n));

const oversizeMembers = fc.oneof(
  fc
    .tuple(fc.constantFrom(...keyedOperations), longText(3000, 6000))
    .map(([operation, KeyId]) =>
      call(`a KeyId of ${KeyId.length} characters`, operation, JSON.stringify({ KeyId }), [
        "ValidationException",
      ]),
    ),
  fc
    .tuple(fc.constantFrom(...blobs), fc.integer({ min: 6145, max: 9000 }))
    .map(([[operation, member], size]) =>
      call(
        `${member} of ${size} bytes`,
        operation,
        JSON.stringify({ [member]: Buffer.alloc(size, 7).toString("base64") }),
        ["ValidationException"],
      ),
    ),
  longText(8193, 9000).map((Description) =>
    call("a Description over 8192 characters", "CreateKey", JSON.stringify({ Description }), [
      "ValidationException",
    ]),
  ),
  fc
    .oneof(
      longText(1025, 3000).map((Marker) => ({ Marker })),
      fc.integer({ min: 1001 }).map((Limit) => ({ Limit })),
    )
    .map((members) =>
      call("a ListKeys member over its bound", "ListKeys", JSON.stringify(members), [
        "ValidationException",
      ]),
    ),
);

/** Strings that standard padded base64 does not accept, and JSON values that are no strings. */
const notBase64 = fc.oneof(
  fc
    .tuple(
      fc.uint8Array({ maxLength: 48 }),
      fc.string({ unit: printable, minLength: 1, maxLength: 3 }),
      fc.nat(),
    )
    .map(([bytes, extra, at]) => {
      // Adding 1–3 characters to valid base64 leaves a length that is no multiple of 4.
      const text = Buffer.from(bytes).toString("base64");
      const i = at % (text.length + 1);
      return text.slice(0, i) + extra + text.slice(i);
    }),
  fc
    .tuple(
      fc.uint8Array({ minLength: 1, maxLength: 48 }),
      fc.constantFrom(...'-_.~!*$ \t\\"é'),
      fc.nat(),
    )
    .map(([bytes, bad, at]) => {
      const text = Buffer.from(bytes).toString("base64");
      const i = at % text.length;
      return text.slice(0, i) + bad + text.slice(i + 1);
    }),
  fc.constantFrom("abc", "====", "a===", "QQ=", "QQ==QQ==", "QUJD\n", " QUJD", "QU=D"),
  fc.jsonValue().filter((value) => typeof value !== "string" && value !== null),
);

const garbageBase64 = fc
  .tuple(fc.constantFrom(...blobs), notBase64)
  .map(([[operation, member], value]) =>
    call(`${member} is ${JSON.stringify(value)}`, operation, JSON.stringify({ [member]: value }), [
      "SerializationException",
    ]),
  );

const badTimestamps = fc
  .oneof(
    fc.jsonValue().filter((value) => typeof value !== "number" && value !== null),
    fc.constantFrom(1e300, -1e300, 8.64e12 + 1),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  )
  .map((ValidTo) =>
    call(
      `ValidTo is ${JSON.stringify(ValidTo)}`,
      "ImportKeyMaterial",
      JSON.stringify({ ValidTo }),
      ["SerializationException"],
    ),
  );

const knownTargets = new Set(operations.map(target));
const unknownTargets = fc
  .oneof(
    headerValue,
    headerValue.map((name) => `TrentService.${name}`),
    fc
      .constantFrom(...operations)
      .chain((operation) =>
        fc.constantFrom(
          operation,
          operation.toLowerCase(),
          `trentservice.${operation}`,
          `TrentService.${operation.toLowerCase()}`,
          `TrentService_${operation}`,
          `AWSKMS.${operation}`,
          `TrentService.${operation}.`,
          `TrentService.TrentService.${operation}`,
        ),
      ),
    fc.constantFrom(
      "TrentService.",
      "TrentService.__proto__",
      "TrentService.constructor",
      "TrentService.toString",
      "TrentService.hasOwnProperty",
      "TrentService.ListAliases",
      "TrentService.Sign",
    ),
  )
  .filter((name) => !knownTargets.has(name));

const wrongTargets = fc.oneof(
  unknownTargets.map(
    (name): MalformedRequest => ({
      kind: `X-Amz-Target ${JSON.stringify(name)}`,
      request: { headers: openModeHeaders(name), body: "{}" },
      expected: ["UnknownOperationException"],
    }),
  ),
  fc.constant<MalformedRequest>({
    kind: "no X-Amz-Target",
    request: { headers: openModeHeaders(undefined), body: "{}" },
    expected: ["UnknownOperationException"],
  }),
);

const pathChar = fc.constantFrom(..."abcxyzABC019-._~%!$&'()*+,;=:@/?");
const wrongMethodsAndPaths = fc
  .oneof(
    fc.record({
      method: fc.constantFrom("GET", "PUT", "DELETE", "PATCH", "OPTIONS"),
      path: fc.constantFrom("/", "/?Action=ListKeys"),
    }),
    fc.record({
      method: fc.constant("POST"),
      path: fc
        .string({ unit: pathChar, minLength: 1, maxLength: 30 })
        .map((rest) => `/${rest}`)
        .filter((path) => path.split("?")[0] !== "/"),
    }),
  )
  .chain(({ method, path }) =>
    fc.constantFrom(...operations).map(
      (operation): MalformedRequest => ({
        kind: `${method} ${path}`,
        request: { method, path, headers: openModeHeaders(target(operation)), body: "{}" },
        expected: ["UnknownOperationException"],
      }),
    ),
  );

/** Open mode refuses these authorizations whatever the rest of the request. */
const badAuthorizations = fc.oneof(
  fc.constant({
    name: "no Authorization",
    value: undefined,
    error: "MissingAuthenticationTokenException" as const,
  }),
  fc.constantFrom("", " ", "\t").map((value) => ({
    name: "a blank Authorization",
    value,
    error: "MissingAuthenticationTokenException" as const,
  })),
  headerValue
    .filter((value) => value !== "" && !value.startsWith("AWS4-HMAC-SHA256"))
    .map((value) => ({
      name: `Authorization ${JSON.stringify(value)}`,
      value,
      error: "IncompleteSignatureException" as const,
    })),
  fc
    .tuple(
      fc.constantFrom("Credential", "SignedHeaders", "Signature"),
      headerValue.filter((value) => !value.includes(",") && !/\s/.test(value)),
    )
    .map(([parameter, value]) => ({
      name: `${parameter}=${JSON.stringify(value)}`,
      value: wellFormedAuthorization.replace(
        new RegExp(`${parameter}=[^,]*`),
        () => `${parameter}=${value}`,
      ),
      error: "IncompleteSignatureException" as const,
    }))
    .filter(({ value }) => value !== wellFormedAuthorization && !isWellFormed(value)),
);

/** Whether a `Credential`/`SignedHeaders`/`Signature` replacement happened to stay well-formed. */
function isWellFormed(authorization: string): boolean {
  return /^AWS4-HMAC-SHA256 Credential=[^/\s,]+\/\d{8}\/[a-z0-9-]+\/[a-z0-9-]+\/aws4_request, SignedHeaders=(?=[^,]*\bhost\b)(?=[^,]*x-amz-date)(?=[^,]*x-amz-target)[a-z0-9!#$%&'*+.^_`|~;-]+, Signature=[0-9a-f]{64}$/.test(
    authorization,
  );
}

const authorizationFaults = fc
  .tuple(badAuthorizations, fc.constantFrom(...operations))
  .map(([{ name, value, error }, operation]): MalformedRequest => {
    const { authorization: _, ...headers } = openModeHeaders(target(operation));
    return {
      kind: name,
      request: {
        headers: value === undefined ? headers : { ...headers, authorization: value },
        body: "{}",
      },
      expected: [error],
    };
  });

const dateFaults = fc
  .tuple(
    fc.oneof(
      fc.constant(undefined),
      headerValue,
      fc.constantFrom(
        "20260301",
        "2026-03-01T12:00:00Z",
        "20260301T120000",
        "20260301t120000z",
        "20260230T120000Z",
        "20260301T250000Z",
      ),
    ),
    fc.constantFrom(...operations),
  )
  // Another time of the scope's day is a well-formed date that open mode accepts.
  .filter(
    ([date]) => date === undefined || !/^20260301T(?:[01]\d|2[0-3])[0-5]\d[0-5]\dZ$/.test(date),
  )
  .map(([date, operation]): MalformedRequest => {
    const { "x-amz-date": _, ...headers } = openModeHeaders(target(operation));
    return {
      kind: `X-Amz-Date ${JSON.stringify(date)}`,
      request: {
        headers: date === undefined ? headers : { ...headers, "x-amz-date": date },
        body: "{}",
      },
      // A real date of another day is well-formed, but not the day of the credential scope.
      expected: ["IncompleteSignatureException", "InvalidSignatureException"],
    };
  });

/**
 * Malformed requests for an open-mode endpoint of account 111122223333 in us-east-1 that holds no
 * keys, each with the errors it may get: bodies that are no JSON or no object, members of wrong
 * types or over their bounds, garbage base64 and timestamps, unknown targets, wrong methods and
 * paths, bad authorizations and dates.
 */
export function malformedRequest(): fc.Arbitrary<MalformedRequest> {
  return fc.oneof(
    badJson,
    nonObjectJson,
    wrongTypes,
    oversizeMembers,
    garbageBase64,
    badTimestamps,
    wrongTargets,
    wrongMethodsAndPaths,
    authorizationFaults,
    dateFaults,
  );
}
