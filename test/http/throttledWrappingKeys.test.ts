import { generateKeyPairSync, randomBytes } from "node:crypto";
import {
  CreateKeyCommand,
  GetParametersForImportCommand,
  type KMSClient,
  KMSServiceException,
} from "@aws-sdk/client-kms";
import { afterEach, describe, expect, it } from "vitest";
import { rsaCryptoProvider } from "../../src/adapters/rsaCryptoProvider.js";
import type {
  WrappingKeyObjects,
  WrappingKeySource,
} from "../../src/adapters/wrappingKeySource.js";
import { type KmsEndpoint, sdkClient, startKmsEndpoint } from "../support/kmsEndpoint.js";

/** One real RSA_2048 pair, handed out by every generation the test lets finish. */
const pair: WrappingKeyObjects = generateKeyPairSync("rsa", { modulusLength: 2048 });

/** A wrapping key source whose generations finish only when the test releases them. */
function heldSource() {
  const waiting: (() => void)[] = [];
  const source: WrappingKeySource = () =>
    new Promise((resolve) => {
      waiting.push(() => resolve(pair));
    });
  return {
    source,
    started: () => waiting.length,
    releaseAll: () => {
      for (const release of waiting.splice(0)) release();
    },
  };
}

let endpoint: KmsEndpoint | undefined;
let client: KMSClient | undefined;
let afterEachRelease = () => {};
afterEach(async () => {
  afterEachRelease();
  client?.destroy();
  await endpoint?.close();
});

/** An endpoint over `rsaCryptoProvider` with `options`, a client that never retries, and an EXTERNAL key. */
async function endpointWith(options: { poolSize?: number; maxOnDemand?: number }) {
  const held = heldSource();
  const crypto = rsaCryptoProvider({
    rootKey: randomBytes(32),
    wrappingKeys: held.source,
    ...options,
  });
  endpoint = await startKmsEndpoint({ crypto });
  client = sdkClient(endpoint.url);
  const created = await client.send(new CreateKeyCommand({ Origin: "EXTERNAL" }));
  const KeyId = created.KeyMetadata?.KeyId ?? "";
  const kms = client;
  afterEachRelease = held.releaseAll;
  const getParameters = () =>
    kms.send(
      new GetParametersForImportCommand({
        KeyId,
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec: "RSA_2048",
      }),
    );
  return { held, crypto, getParameters };
}

/** The error a promise rejects with, as the AWS SDK raised it. */
async function rejection(promise: Promise<unknown>): Promise<KMSServiceException> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof KMSServiceException))
    throw new Error(`expected a KMS error, got ${String(error)}`);
  return error;
}

const throttled =
  "Rate exceeded: no RSA_2048 wrapping key is ready and 1 is being generated; retry the request " +
  "(the pool refills in the background), or warm the RSA_2048 pool ahead of time (kms-byok serve --warm RSA_2048).";

describe("GetParametersForImport when no wrapping key is ready", () => {
  it("answers ThrottlingException with HTTP 400 at once when the on-demand limit is reached, while the request within it gets its pair", async () => {
    const { held, getParameters } = await endpointWith({ poolSize: 0, maxOnDemand: 1 });
    const first = getParameters();
    while (held.started() === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const error = await rejection(getParameters());

    expect(error.name).toBe("ThrottlingException");
    expect(error.message).toBe(throttled);
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(held.started()).toBe(1);
    held.releaseAll();
    expect((await first).PublicKey?.length).toBeGreaterThan(0);
  });

  it("answers from ready pairs without throttling, and throttles only once the pool is empty (limit 0: never generate on demand)", async () => {
    const { held, crypto, getParameters } = await endpointWith({ poolSize: 2, maxOnDemand: 0 });
    let filled = false;
    const filling = crypto.prefill(["RSA_2048"]).then(() => {
      filled = true;
    });
    while (!filled) {
      held.releaseAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await filling;
    expect(crypto.readyWrappingKeys("RSA_2048")).toBe(2);

    const answers = await Promise.allSettled([getParameters(), getParameters(), getParameters()]);

    expect(answers.map((answer) => answer.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    const refused = answers[2];
    expect(refused?.status === "rejected" && (refused.reason as Error).name).toBe(
      "ThrottlingException",
    );
  });

  it("without a limit (the library's default) makes every request wait for a pair of its own", async () => {
    const { held, getParameters } = await endpointWith({ poolSize: 0 });
    const requests = [getParameters(), getParameters(), getParameters()];
    while (held.started() < 3) await new Promise((resolve) => setTimeout(resolve, 5));

    held.releaseAll();
    const answers = await Promise.allSettled(requests);

    expect(answers.map((answer) => answer.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
  });
});
