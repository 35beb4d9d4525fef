import { constants } from "node:fs";
import { access, chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import type { BehaviourProfile } from "../../../src/domain/behaviourProfile.js";
import { bundledCli } from "../../support/bundledCli.js";
import { type KmsEndpoint, startKmsEndpoint } from "../../support/kmsEndpoint.js";
import { awsClientEnvironment } from "./awsClientEnvironment.js";
import { type ProcessOutcome, runProcess } from "./runProcess.js";

// The real AWS CLI v2 against the endpoint, through bash scripts that read like what a user
// types: `aws` is /usr/bin/aws (a symlink first on PATH), the customer side is openssl as AWS
// documents it, and each session works in its own directory.

const awsCli = "/usr/bin/aws";

let endpoint: KmsEndpoint | undefined;
let root = "";
let env: NodeJS.ProcessEnv = {};

/** What the endpoint and the shell sessions of a test file are. */
export interface AwsCliEndpointOptions {
  /** The endpoint's behaviour profile; `classic` unless given. */
  readonly behaviour?: BehaviourProfile;
  /** Puts the `kms-byok` command (the bundled CLI) on the sessions' PATH too. */
  readonly kmsByokOnPath?: boolean;
}

/** Starts an endpoint (and checks the CLI is there) before the file's tests, and stops it after. */
export function useAwsCliEndpoint(options: AwsCliEndpointOptions = {}): void {
  beforeAll(() => startAwsCliEndpoint(options), 60_000);
  afterAll(stopAwsCliEndpoint);
}

async function startAwsCliEndpoint(options: AwsCliEndpointOptions): Promise<void> {
  try {
    await access(awsCli, constants.X_OK);
  } catch {
    throw new Error(
      `${awsCli} (AWS CLI v2) is missing; install it with: apt-get install -y awscli`,
    );
  }
  root = await mkdtemp(join(tmpdir(), "kms-byok-aws-cli-"));
  const bin = join(root, "bin");
  await mkdir(bin);
  await symlink(awsCli, join(bin, "aws"));
  if (options.kmsByokOnPath === true) {
    const kmsByok = join(bin, "kms-byok");
    await writeFile(
      kmsByok,
      `#!/bin/sh\nexec '${process.execPath}' '${await bundledCli()}' "$@"\n`,
    );
    await chmod(kmsByok, 0o755);
  }
  env = await awsClientEnvironment(root, [bin]);
  endpoint = await startKmsEndpoint(
    options.behaviour === undefined ? {} : { behaviour: options.behaviour },
  );
}

async function stopAwsCliEndpoint(): Promise<void> {
  await endpoint?.close();
  if (root !== "") await rm(root, { recursive: true, force: true });
}

/** The start of every `aws` command line: the CLI aimed at the endpoint. */
export function aws(): string {
  if (endpoint === undefined) throw new Error("the endpoint did not start");
  return `aws --endpoint-url ${endpoint.url}`;
}

export interface KeyMetadata {
  readonly KeyId: string;
  readonly Arn: string;
  readonly AWSAccountId: string;
  readonly KeyState: string;
  readonly Enabled: boolean;
  readonly Origin: string;
  readonly ExpirationModel?: string;
  readonly ValidTo?: string;
}

/** A fresh working directory in which bash scripts run like a user's shell session. */
export async function shellSession() {
  const dir = await mkdtemp(join(root, "session-"));

  /** Runs `script` with `bash -c` (with `set -euo pipefail`) in the session's directory. */
  const run = (script: string): Promise<ProcessOutcome> =>
    runProcess("/bin/bash", ["-c", `set -euo pipefail\n${script}`], { cwd: dir, env });

  /** Runs `script` and returns its stdout; fails the test (showing stderr) unless it exits 0. */
  const succeed = async (script: string): Promise<string> => {
    const outcome = await run(script);
    expect({ exitCode: outcome.exitCode, stderr: outcome.stderr }).toEqual({
      exitCode: 0,
      stderr: "",
    });
    return outcome.stdout;
  };

  /** Runs `script`, which prints one JSON document, and parses it. */
  const json = async <T = Record<string, unknown>>(script: string): Promise<T> =>
    JSON.parse(await succeed(script)) as T;

  const file = (name: string): Promise<Buffer> => readFile(join(dir, name));

  /** `aws kms create-key --origin EXTERNAL`, as the seed's key "created with no key material". */
  const createExternalKey = async (): Promise<KeyMetadata> => {
    const output = await succeed(`${aws()} kms create-key --origin EXTERNAL`);
    return (JSON.parse(output) as { KeyMetadata: KeyMetadata }).KeyMetadata;
  };

  /** One get-parameters-for-import, its base64 PublicKey and ImportToken decoded into .bin files. */
  const downloadImportParameters = (
    keyId: string,
    wrappingAlgorithm = "RSAES_OAEP_SHA_256",
  ): Promise<string> =>
    succeed(String.raw`${aws()} kms get-parameters-for-import \
    --key-id ${keyId} \
    --wrapping-algorithm ${wrappingAlgorithm} \
    --wrapping-key-spec RSA_2048 \
    --query '[PublicKey,ImportToken]' --output text > ImportParameters.txt
cut -f1 ImportParameters.txt | base64 --decode > PublicKey.bin
cut -f2 ImportParameters.txt | base64 --decode > ImportToken.bin`);

  /** Wraps PlaintextKeyMaterial.bin with RSAES_OAEP_SHA_256, as AWS documents it. */
  const wrapWithOaepSha256 = (): Promise<string> =>
    succeed(String.raw`openssl pkeyutl -encrypt -in PlaintextKeyMaterial.bin \
    -out EncryptedKeyMaterial.bin \
    -inkey PublicKey.bin -keyform DER -pubin \
    -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256`);

  /** Generates 32 random bytes of key material into PlaintextKeyMaterial.bin and wraps them. */
  const wrapNewMaterial = async (): Promise<void> => {
    await succeed("openssl rand -out PlaintextKeyMaterial.bin 32");
    await wrapWithOaepSha256();
  };

  /** The seed's import-key-material command, with `keyId` and `validTo` filled in. */
  const importKeyMaterial = (keyId: string, validTo: string): Promise<ProcessOutcome> =>
    run(String.raw`${aws()} kms import-key-material \
    --key-id ${keyId} \
    --encrypted-key-material fileb://EncryptedKeyMaterial.bin \
    --import-token fileb://ImportToken.bin \
    --expiration-model KEY_MATERIAL_EXPIRES \
    --valid-to ${validTo}`);

  const describeKey = async (keyId: string): Promise<KeyMetadata> => {
    const output = await succeed(`${aws()} kms describe-key --key-id ${keyId}`);
    return (JSON.parse(output) as { KeyMetadata: KeyMetadata }).KeyMetadata;
  };

  /** An EXTERNAL key with imported material that expires in 30 days. */
  const enabledKey = async (): Promise<KeyMetadata> => {
    const key = await createExternalKey();
    await downloadImportParameters(key.KeyId);
    await wrapNewMaterial();
    expect(await importKeyMaterial(key.KeyId, validToIn30Days())).toEqual(noOutput);
    return key;
  };

  return {
    dir,
    run,
    succeed,
    json,
    file,
    createExternalKey,
    downloadImportParameters,
    wrapWithOaepSha256,
    wrapNewMaterial,
    importKeyMaterial,
    describeKey,
    enabledKey,
  };
}

/** "This command produces no output." */
export const noOutput: ProcessOutcome = { exitCode: 0, stdout: "", stderr: "" };

/** An ISO time 30 days ahead, to the second, ending in Z (the seed's --valid-to format). */
export function validToIn30Days(): string {
  const seconds = Math.floor(Date.now() / 1000) + 30 * 24 * 3600;
  return new Date(seconds * 1000).toISOString().replace(".000Z", "Z");
}

/** How the CLI prints a timestamp in describe-key output. */
export function asCliPrintsIt(isoTime: string): string {
  return isoTime.replace(/Z$/, "+00:00");
}

/** The CLI's message for a service error (exit code 254). */
export function serviceError(name: string, operation: string): RegExp {
  return new RegExp(
    `^\\s*An error occurred \\(${name}\\) when calling the ${operation} operation: .+`,
  );
}
