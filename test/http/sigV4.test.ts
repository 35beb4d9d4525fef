import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { type KmsEndpoint, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { expectAwsError } from "./support/awsErrorResponse.js";
import { type HttpSender, httpSender, type RawResponse } from "./support/httpSender.js";
import { type SigningInput, signRequest } from "./support/signRequest.js";

const now = new Date("2026-03-01T12:00:00.000Z");
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const alice = {
  accessKeyId: "AKIDALICE",
  secretAccessKey: "alice-secret",
  accountId: "111111111111",
};
const createKey = JSON.stringify({ Origin: "EXTERNAL", Description: "signed" });

let endpoint: KmsEndpoint;
let sender: HttpSender;

beforeAll(async () => {
  endpoint = await startKmsEndpoint({
    credentials: [alice],
    clock: manualClock(now),
    crypto: testCrypto(),
  });
  sender = httpSender(endpoint.url);
});

afterAll(async () => {
  sender.close();
  await endpoint.close();
});

type Signing = Omit<SigningInput, "url">;

/** A CreateKey signed by alice at the server's time, with `changes` to the signing. */
function signing(changes: Partial<Signing> = {}): Signing {
  return { ...alice, date: now, operation: "CreateKey", body: createKey, ...changes };
}

/** Signs `what`, lets `tamper` change the headers and body, and sends the request. */
async function send(
  what: Signing,
  tamper: (sent: { headers: Record<string, string>; body: string }) => {
    headers: Record<string, string>;
    body: string;
  } = (sent) => sent,
): Promise<RawResponse> {
  const headers = await signRequest({ url: endpoint.url, ...what });
  return sender.send(tamper({ headers, body: what.body }));
}

async function expectError(response: Promise<RawResponse>, name: string, message?: RegExp) {
  const error = expectAwsError(await response);
  expect(error.__type).toBe(name);
  if (message !== undefined) expect(error.message).toMatch(message);
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

describe("a verified-mode endpoint, given requests signed by @smithy/signature-v4", () => {
  it("answers a correctly signed request for the caller's account", async () => {
    const response = await send(signing());
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/x-amz-json-1.1");
    const { KeyMetadata } = JSON.parse(response.body);
    expect(KeyMetadata.AWSAccountId).toBe(alice.accountId);
    expect(KeyMetadata.Description).toBe("signed");
  });

  it("answers a request whose signed x-amz-content-sha256 is the body's hash", async () => {
    const response = await send(signing({ contentSha256: true }));
    expect(response.status).toBe(200);
  });

  it("returns InvalidSignatureException when the body was tampered with after signing", async () => {
    await expectError(
      send(signing(), ({ headers }) => ({
        headers,
        body: createKey.replace("signed", "forged"),
      })),
      "InvalidSignatureException",
      /^The request signature we calculated does not match/,
    );
  });

  it("returns InvalidSignatureException when X-Amz-Target was changed after signing", async () => {
    await expectError(
      send(signing(), ({ headers, body }) => ({
        headers: { ...headers, "x-amz-target": "TrentService.ListKeys" },
        body,
      })),
      "InvalidSignatureException",
    );
  });

  it("returns InvalidSignatureException when the request goes to another host than signed", async () => {
    await expectError(
      send(signing(), ({ headers, body }) => ({
        headers: { ...headers, host: `localhost:${new URL(endpoint.url).port}` },
        body,
      })),
      "InvalidSignatureException",
    );
  });

  it("returns InvalidSignatureException for a signed x-amz-content-sha256 that is not the body's", async () => {
    await expectError(
      send(signing({ headers: { "x-amz-content-sha256": sha256Hex("{}") } })),
      "InvalidSignatureException",
    );
  });

  it("returns InvalidSignatureException when X-Amz-Date names another day than the credential scope", async () => {
    await expectError(
      send(signing(), ({ headers, body }) => ({
        headers: { ...headers, "x-amz-date": "20260302T120000Z" },
        body,
      })),
      "InvalidSignatureException",
      /^Date in Credential scope does not match/,
    );
  });

  it("returns InvalidSignatureException 'Signature expired' for a request signed 16 minutes before the server's time", async () => {
    await expectError(
      send(signing({ date: minutes(-16) })),
      "InvalidSignatureException",
      /^Signature expired: 20260301T114400Z is now earlier than 20260301T114500Z/,
    );
  });

  it("returns InvalidSignatureException 'Signature not yet current' for a request signed 16 minutes after the server's time", async () => {
    await expectError(
      send(signing({ date: minutes(16) })),
      "InvalidSignatureException",
      /^Signature not yet current: 20260301T121600Z is still later than 20260301T121500Z/,
    );
  });

  it("accepts requests signed 14 minutes before or after the server's time", async () => {
    expect((await send(signing({ date: minutes(-14) }))).status).toBe(200);
    expect((await send(signing({ date: minutes(14) }))).status).toBe(200);
  });

  it("returns UnrecognizedClientException for an access key it does not know", async () => {
    await expectError(
      send(signing({ accessKeyId: "AKIDMALLORY" })),
      "UnrecognizedClientException",
      /^The security token included in the request is invalid\.$/,
    );
  });

  it("returns InvalidSignatureException for a known access key signed with the wrong secret", async () => {
    await expectError(
      send(signing({ secretAccessKey: "not-alice-secret" })),
      "InvalidSignatureException",
    );
  });

  it("returns InvalidSignatureException for a request signed for another Region", async () => {
    await expectError(
      send(signing({ region: "eu-west-1" })),
      "InvalidSignatureException",
      /not 'eu-west-1'/,
    );
  });

  it("returns InvalidSignatureException for a request signed for another service", async () => {
    await expectError(
      send(signing({ service: "s3" })),
      "InvalidSignatureException",
      /correct service: 'kms'/,
    );
  });

  it("returns MissingAuthenticationTokenException for a request without Authorization", async () => {
    await expectError(
      send(signing(), ({ headers: { authorization: _, ...headers }, body }) => ({ headers, body })),
      "MissingAuthenticationTokenException",
    );
  });

  it("returns IncompleteSignatureException when X-Amz-Target is not among the SignedHeaders", async () => {
    await expectError(
      send(signing({ unsignedHeaders: ["x-amz-target"] })),
      "IncompleteSignatureException",
      /'x-amz-target' must be a 'SignedHeader'/,
    );
  });

  it("returns IncompleteSignatureException for a request without X-Amz-Date", async () => {
    await expectError(
      send(signing(), ({ headers: { "x-amz-date": _, ...headers }, body }) => ({ headers, body })),
      "IncompleteSignatureException",
    );
  });

  it.each([
    ["garbage", "garbage"],
    ["another scheme", "Bearer eyJhbGciOiJIUzI1NiJ9"],
    ["the algorithm alone", "AWS4-HMAC-SHA256"],
    [
      "an upper-case signature",
      `AWS4-HMAC-SHA256 Credential=AKIDALICE/20260301/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=${"A".repeat(64)}`,
    ],
    [
      "no Credential",
      `AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date;x-amz-target, Signature=${"a".repeat(64)}`,
    ],
  ])(
    "returns IncompleteSignatureException for an Authorization of %s",
    async (_, authorization) => {
      await expectError(
        send(signing(), ({ headers, body }) => ({ headers: { ...headers, authorization }, body })),
        "IncompleteSignatureException",
      );
    },
  );
});
