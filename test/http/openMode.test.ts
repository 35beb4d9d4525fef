import { CreateKeyCommand, ListKeysCommand } from "@aws-sdk/client-kms";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock } from "../../src/testing/manualClock.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { type KmsEndpoint, sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { expectAwsError } from "./support/awsErrorResponse.js";
import { type HttpSender, httpSender } from "./support/httpSender.js";
import { signRequest } from "./support/signRequest.js";

const now = new Date("2026-03-01T12:00:00.000Z");
const anyone = { accessKeyId: "whoever", secretAccessKey: "whatever", date: now };

let endpoint: KmsEndpoint;
let sender: HttpSender;

beforeAll(async () => {
  endpoint = await startKmsEndpoint({ clock: manualClock(now), crypto: testCrypto() });
  sender = httpSender(endpoint.url);
});

afterAll(async () => {
  sender.close();
  await endpoint.close();
});

describe("an open-mode endpoint", () => {
  it("is in open mode when no credentials are configured", () => {
    expect(endpoint.server.mode).toBe("open");
  });

  it("answers a request signed with any secret, for its one account", async () => {
    const body = JSON.stringify({ Origin: "EXTERNAL" });
    const headers = await signRequest({
      url: endpoint.url,
      ...anyone,
      operation: "CreateKey",
      body,
    });
    const response = await sender.send({ headers, body });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).KeyMetadata.AWSAccountId).toBe("111122223333");
  });

  it("answers the SDK whatever its credentials", async () => {
    const client = sdkClient(endpoint.url, { accessKeyId: "AKIDX", secretAccessKey: "y" });
    const created = await client.send(new CreateKeyCommand({ Origin: "EXTERNAL" }));
    const listed = await sdkClient(endpoint.url).send(new ListKeysCommand({}));
    expect(listed.Keys?.map((key) => key.KeyArn)).toContain(created.KeyMetadata?.Arn);
  });

  it("does not check the date: a request signed a year ago is answered", async () => {
    const yearAgo = new Date("2025-03-01T12:00:00.000Z");
    const headers = await signRequest({
      url: endpoint.url,
      ...anyone,
      date: yearAgo,
      operation: "ListKeys",
      body: "{}",
    });
    expect((await sender.send({ headers, body: "{}" })).status).toBe(200);
  });

  it("returns MissingAuthenticationTokenException for a request without Authorization", async () => {
    const { authorization: _, ...headers } = await signRequest({
      url: endpoint.url,
      ...anyone,
      operation: "ListKeys",
      body: "{}",
    });
    expect(expectAwsError(await sender.send({ headers, body: "{}" })).__type).toBe(
      "MissingAuthenticationTokenException",
    );
  });

  it("returns InvalidSignatureException for a request signed for another Region or service", async () => {
    for (const scope of [{ region: "eu-west-1" }, { service: "s3" }]) {
      const headers = await signRequest({
        url: endpoint.url,
        ...anyone,
        ...scope,
        operation: "ListKeys",
        body: "{}",
      });
      expect(expectAwsError(await sender.send({ headers, body: "{}" })).__type).toBe(
        "InvalidSignatureException",
      );
    }
  });

  it("returns IncompleteSignatureException when X-Amz-Target is not signed", async () => {
    const headers = await signRequest({
      url: endpoint.url,
      ...anyone,
      operation: "ListKeys",
      body: "{}",
      unsignedHeaders: ["x-amz-target"],
    });
    expect(expectAwsError(await sender.send({ headers, body: "{}" })).__type).toBe(
      "IncompleteSignatureException",
    );
  });
});
