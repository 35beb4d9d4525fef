import { createServer } from "node:net";
import { ResultAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { createKmsServer } from "../../src/http/index.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { acceptsConnections } from "../support/acceptsConnections.js";
import { expectAwsError } from "./support/awsErrorResponse.js";
import { httpSender } from "./support/httpSender.js";
import { openModeHeaders } from "./support/malformedRequests.js";

const alice = {
  accessKeyId: "AKIDALICE",
  secretAccessKey: "alice-secret",
  accountId: "111111111111",
};
const unknownKeyId = "00000000-0000-4000-8000-000000000000";

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A store whose writes wait for `release()`, telling `entered` when the first one arrives. */
function gatedStore() {
  const store = memoryKeyStore();
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let enter = () => {};
  const entered = new Promise<void>((resolve) => {
    enter = resolve;
  });
  const gated: KeyStore = {
    ...store,
    put: (record, expectedVersion) => {
      enter();
      return ResultAsync.fromSafePromise(gate).andThen(() => store.put(record, expectedVersion));
    },
  };
  return { store: gated, entered, release };
}

describe("createKmsServer", () => {
  it("runs in open mode without credentials and in verified mode with them, in us-east-1 unless told", () => {
    expect(createKmsServer({ crypto: testCrypto() })).toMatchObject({
      mode: "open",
      region: "us-east-1",
    });
    expect(
      createKmsServer({ credentials: [alice], region: "eu-west-1", crypto: testCrypto() }),
    ).toMatchObject({ mode: "verified", region: "eu-west-1" });
  });

  it.each(["0.0.0.0", "::", "10.0.0.1", "example.com"])(
    "refuses, in open mode, to listen on %s with OpenModeNeedsLoopback, and binds nothing",
    async (host) => {
      const port = await freePort();
      const server = createKmsServer({ crypto: testCrypto() });
      const listened = await server.listen({ port, host });
      expect(listened._unsafeUnwrapErr().name).toBe("OpenModeNeedsLoopback");
      expect(listened._unsafeUnwrapErr().message).toContain(host);
      expect(await acceptsConnections(port)).toBe(false);
      await server.close();
    },
  );

  it("listens on localhost in open mode, at a loopback address", async () => {
    const server = createKmsServer({ crypto: testCrypto() });
    const address = (await server.listen({ port: 0, host: "localhost" }))._unsafeUnwrap();
    expect(["127.0.0.1", "::1"]).toContain(address.host);
    await server.close();
  });

  it("may listen on 0.0.0.0 in verified mode, and answers there", async () => {
    const server = createKmsServer({ credentials: [alice], crypto: testCrypto() });
    const address = (await server.listen({ port: 0, host: "0.0.0.0" }))._unsafeUnwrap();
    expect(address).toEqual({
      host: "0.0.0.0",
      port: address.port,
      url: `http://0.0.0.0:${address.port}`,
    });
    const sender = httpSender(`http://127.0.0.1:${address.port}`);
    const response = await sender.send({ body: "{}" });
    expect(expectAwsError(response).__type).toBe("MissingAuthenticationTokenException");
    sender.close();
    await server.close();
  });

  it("returns ListenFailed with EADDRINUSE for a port that is taken, and still closes", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    const server = createKmsServer({ crypto: testCrypto() });
    const error = (await server.listen({ port, host: "127.0.0.1" }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ name: "ListenFailed", code: "EADDRINUSE" });
    expect(error.message).toContain(`127.0.0.1:${port}`);
    await server.close();
    await new Promise((resolve) => taken.close(resolve));
  });

  it("lets close() finish a request in flight, taking no new connections meanwhile", async () => {
    const { store, entered, release } = gatedStore();
    const server = createKmsServer({ store, crypto: testCrypto() });
    const { url, port } = (await server.listen({ port: 0 }))._unsafeUnwrap();
    const sender = httpSender(url);
    const inFlight = sender.send({
      headers: openModeHeaders("TrentService.CreateKey"),
      body: "{}",
    });
    await entered;
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    expect(await acceptsConnections(port)).toBe(false);
    expect(closed).toBe(false);
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body).KeyMetadata.KeyState).toBe("Enabled");
    // The client's kept-alive connection would otherwise hold close() up until it idles out.
    expect(response.headers["connection"]).toBe("close");
    await closing;
    sender.close();
  });

  it("cuts a request still in flight after closeTimeoutMs", async () => {
    const { store, entered, release } = gatedStore();
    const server = createKmsServer({ store, crypto: testCrypto(), closeTimeoutMs: 50 });
    const { url } = (await server.listen({ port: 0 }))._unsafeUnwrap();
    const sender = httpSender(url);
    const inFlight = sender.send({
      headers: openModeHeaders("TrentService.CreateKey"),
      body: "{}",
    });
    await entered;
    await server.close();
    await expect(inFlight).rejects.toThrow(/socket hang up|ECONNRESET/);
    release();
    sender.close();
  });

  it("answers 500 KMSInternalException when an operation throws, and tells onInternalError with the request ID", async () => {
    const thrown = new Error("the store is on fire");
    const told: [unknown, string][] = [];
    const server = createKmsServer({
      store: {
        ...memoryKeyStore(),
        get: () => {
          throw thrown;
        },
      },
      crypto: testCrypto(),
      onInternalError: (error, requestId) => told.push([error, requestId]),
    });
    const { url } = (await server.listen({ port: 0 }))._unsafeUnwrap();
    const sender = httpSender(url);
    const response = await sender.send({
      headers: openModeHeaders("TrentService.DescribeKey"),
      body: JSON.stringify({ KeyId: unknownKeyId }),
    });
    const requestId = response.headers["x-amzn-requestid"];
    expect(response.status).toBe(500);
    expect(response.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(JSON.parse(response.body)).toEqual({
      __type: "KMSInternalException",
      message: `An internal error occurred (request ${requestId}).`,
    });
    expect(told).toEqual([[thrown, requestId]]);
    const next = await sender.send({ headers: openModeHeaders("TrentService.ListKeys") });
    expect(next.status).toBe(200);
    sender.close();
    await server.close();
  });

  it("takes a body of exactly 256 KiB by default and answers 413 for one byte more", async () => {
    const server = createKmsServer({ crypto: testCrypto() });
    const { url } = (await server.listen({ port: 0 }))._unsafeUnwrap();
    const sender = httpSender(url);
    const body = (size: number) => `{"Description":"${"x".repeat(size - 18)}"}`;
    const atLimit = await sender.send({
      headers: openModeHeaders("TrentService.CreateKey"),
      body: body(262_144),
    });
    expect(expectAwsError(atLimit).__type).toBe("ValidationException");
    const over = await sender.send({
      headers: openModeHeaders("TrentService.CreateKey"),
      body: body(262_145),
    });
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({
      __type: "RequestEntityTooLargeException",
      message: "The request body is larger than 262144 bytes.",
    });
    sender.close();
    await server.close();
  });

  it("throws TypeError for an access key configured twice", () => {
    expect(() =>
      createKmsServer({
        credentials: [alice, { ...alice, secretAccessKey: "other", accountId: "222222222222" }],
        crypto: testCrypto(),
      }),
    ).toThrow(new TypeError("The access key AKIDALICE is configured twice."));
  });

  it("throws TypeError for a credential without an access key or secret", () => {
    for (const credential of [
      { ...alice, accessKeyId: "" },
      { ...alice, secretAccessKey: "" },
    ]) {
      expect(() => createKmsServer({ credentials: [credential], crypto: testCrypto() })).toThrow(
        TypeError,
      );
    }
  });

  it("throws TypeError for a credential whose account ID is not 12 digits", () => {
    expect(() =>
      createKmsServer({ credentials: [{ ...alice, accountId: "1234" }], crypto: testCrypto() }),
    ).toThrow(TypeError);
  });
});
