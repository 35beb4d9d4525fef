import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CreateKeyCommand } from "@aws-sdk/client-kms";
import { afterEach, describe, expect, it } from "vitest";
import { sdkClient } from "../support/kmsEndpoint.js";
import { holdKmsRequest } from "./holdKmsRequest.js";
import { isRunning, killLeftoverServes, kmsByok, startServe } from "./kmsByok.js";

afterEach(killLeftoverServes);

const started = async (...args: string[]) => {
  const serve = await startServe("--port", "0", ...args);
  if (!isRunning(serve)) throw new Error(`kms-byok serve did not start:\n${serve.stderr}`);
  return serve;
};

const refused = (port: number) =>
  new Promise<string | undefined>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve(undefined);
    });
    socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code));
  });

describe("kms-byok serve", () => {
  it("prints its URL, says open mode checks no signatures, and serves CreateKey to the AWS SDK", async () => {
    const serve = await started("--account", "123456789012");
    const client = sdkClient(serve.url);
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(serve.port).toBeGreaterThan(0);
      const stdout = serve.stdout();
      expect(stdout).toContain(`aws --endpoint-url ${serve.url} kms create-key --origin EXTERNAL`);
      expect(stdout).toContain("signatures are NOT checked");
      expect(stdout).toContain("Only loopback is bound");
      expect(stdout).toContain(
        "AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1",
      );

      const { KeyMetadata } = await client.send(new CreateKeyCommand({ Origin: "EXTERNAL" }));
      expect(KeyMetadata?.KeyState).toBe("PendingImport");
      expect(KeyMetadata?.Arn).toMatch(/^arn:aws:kms:us-east-1:123456789012:key\//);
    } finally {
      client.destroy();
    }
    serve.kill("SIGTERM");
    expect(await serve.exited).toEqual({ code: 0, signal: null });
  });

  it.each([
    ["SIGTERM", "RSA_4096"],
    ["SIGINT", "RSA_2048"],
  ] as const)(
    "on %s finishes the request in flight (GetParametersForImport %s), takes no new connection, and exits 0",
    async (signal, WrappingKeySpec) => {
      const serve = await started();
      const client = sdkClient(serve.url);
      const { KeyMetadata } = await client.send(new CreateKeyCommand({ Origin: "EXTERNAL" }));
      client.destroy();
      const held = await holdKmsRequest(serve.url, "GetParametersForImport", {
        KeyId: KeyMetadata?.KeyId,
        WrappingAlgorithm: "RSAES_OAEP_SHA_256",
        WrappingKeySpec,
      });

      serve.kill(signal);
      await serve.waitForStdout(new RegExp(`${signal} received; no new connections`));
      expect(await refused(serve.port)).toBe("ECONNREFUSED");
      const response = await held.release();

      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({
        KeyId: KeyMetadata?.Arn,
        PublicKey: expect.any(String),
        ImportToken: expect.any(String),
      });
      expect(await serve.exited).toEqual({ code: 0, signal: null });
      expect(serve.stdout()).toMatch(/kms-byok serve: stopped\n$/);
    },
  );

  it("with --warm RSA_2048,RSA_3072 --pool-size 2 fills both pools before it says it is ready, and says how long that took", async () => {
    const serve = await started("--warm", "RSA_2048,RSA_3072", "--pool-size", "2");
    const stdout = serve.stdout();

    expect(stdout).toMatch(
      /^kms-byok serve: generating wrapping keys: RSA_2048 ×2, RSA_3072 ×2 …\n(kms-byok serve: wrapping keys ready: .*\n)*kms-byok serve: a local AWS KMS endpoint is ready\n/,
    );
    expect(stdout).toMatch(
      /\n {2}Wrapping: {2}RSA_2048 2\/2, RSA_3072 2\/2 key pairs ready \(prefilled in \d+\.\d s\);\n/,
    );
    expect(stdout).toContain("more requests get ThrottlingException.");
    serve.kill("SIGTERM");
    expect(await serve.exited).toEqual({ code: 0, signal: null });
  });

  it("verifies signatures with a credentials file: the right secret works, a wrong one is InvalidSignatureException", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kms-byok-serve-")), "credentials.json");
    writeFileSync(
      file,
      JSON.stringify([
        { accessKeyId: "AKIDALPHA", secretAccessKey: "alpha-secret", accountId: "111111111111" },
        { accessKeyId: "AKIDBRAVO", secretAccessKey: "bravo-secret", accountId: "222222222222" },
      ]),
    );
    const serve = await started("--credentials", file, "--host", "0.0.0.0");
    const alpha = sdkClient(serve.url, {
      accessKeyId: "AKIDALPHA",
      secretAccessKey: "alpha-secret",
    });
    const forged = sdkClient(serve.url, { accessKeyId: "AKIDALPHA", secretAccessKey: "guessed" });
    try {
      expect(serve.url).toBe(`http://127.0.0.1:${serve.port}`);
      expect(serve.stdout()).toContain(`bound to 0.0.0.0:${serve.port}`);
      expect(serve.stdout()).toContain("checked against 2 credentials");
      expect(serve.stdout()).toContain("2 accounts (111111111111, 222222222222)");
      expect(serve.stdout()).not.toContain("alpha-secret");

      const { KeyMetadata } = await alpha.send(new CreateKeyCommand({ Origin: "EXTERNAL" }));
      expect(KeyMetadata?.Arn).toMatch(/^arn:aws:kms:us-east-1:111111111111:key\//);
      await expect(forged.send(new CreateKeyCommand({}))).rejects.toMatchObject({
        name: "InvalidSignatureException",
      });
    } finally {
      alpha.destroy();
      forged.destroy();
    }
    serve.kill("SIGTERM");
    expect(await serve.exited).toEqual({ code: 0, signal: null });
  });

  it("refuses --host 0.0.0.0 without credentials, because open mode binds loopback only, and exits 1", async () => {
    const run = await startServe("--port", "0", "--host", "0.0.0.0");

    expect(isRunning(run)).toBe(false);
    expect(run).toMatchObject({ code: 1, stdout: "" });
    expect(isRunning(run) ? "" : run.stderr).toMatch(
      /^kms-byok serve: .*binds loopback only.*\nkms-byok serve: give --credentials FILE to bind 0\.0\.0\.0/,
    );
  });

  it("exits 1 with the reason when its port is in use", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    const address = taken.address();
    const port = typeof address === "object" && address !== null ? address.port : 0;
    try {
      const run = await kmsByok("serve", "--port", String(port));

      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Cannot listen on 127.0.0.1:${port}`);
      expect(run.stderr).toContain("EADDRINUSE");
      expect(run.stderr).toContain("choose another --port");
    } finally {
      taken.close();
    }
  });

  it("exits 2 naming the credentials file and what is wrong with it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "kms-byok-serve-")), "credentials.json");
    writeFileSync(
      file,
      JSON.stringify([{ accessKeyId: "AKID", secretAccessKey: "s", accountId: "42" }]),
    );

    const run = await kmsByok("serve", "--port", "0", "--credentials", file);

    expect(run).toMatchObject({ code: 2, stdout: "" });
    expect(run.stderr).toBe(
      `kms-byok serve: --credentials ${file}: entry [0]: "accountId" must be 12 digits, not "42"\n`,
    );
  });
});
