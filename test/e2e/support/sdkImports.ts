import { randomBytes } from "node:crypto";
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  GetParametersForImportCommand,
  type GetParametersForImportCommandOutput,
  ImportKeyMaterialCommand,
  type ImportKeyMaterialCommandInput,
  type ImportKeyMaterialCommandOutput,
  type KeyMetadata,
  type KMSClient,
  KMSServiceException,
  type OriginType,
} from "@aws-sdk/client-kms";
import { addDays } from "date-fns";
import { expect } from "vitest";
import { wrapKeyMaterial } from "../../../src/client/wrapKeyMaterial.js";
import type { Clock } from "../../../src/ports/clock.js";

/** What GetParametersForImport is asked for. */
export interface Wrapping {
  readonly WrappingAlgorithm:
    | "RSAES_OAEP_SHA_1"
    | "RSAES_OAEP_SHA_256"
    | "RSA_AES_KEY_WRAP_SHA_1"
    | "RSA_AES_KEY_WRAP_SHA_256";
  readonly WrappingKeySpec: "RSA_2048" | "RSA_3072" | "RSA_4096";
}

export const oaepSha256: Wrapping = {
  WrappingAlgorithm: "RSAES_OAEP_SHA_256",
  WrappingKeySpec: "RSA_2048",
};

/** A GetParametersForImport answer whose members the SDK parsed. */
export interface ImportParameters {
  readonly KeyId: string;
  readonly ImportToken: Uint8Array;
  readonly PublicKey: Uint8Array;
  readonly ParametersValidTo: Date;
  readonly wrapping: Wrapping;
}

/** 32 random bytes: symmetric key material. */
export const newMaterial = (bytes = 32): Uint8Array => new Uint8Array(randomBytes(bytes));

/** The customer side of the seed, through `client`, on a server whose clock is `clock`. */
export function sdkImports(client: KMSClient, clock: Clock) {
  const createKey = async (Origin: OriginType = "EXTERNAL"): Promise<string> => {
    const created = await client.send(new CreateKeyCommand({ Origin }));
    return present(created.KeyMetadata?.KeyId, "CreateKey KeyMetadata.KeyId");
  };

  const parameters = async (KeyId: string, wrapping = oaepSha256): Promise<ImportParameters> =>
    parsedParameters(
      await client.send(new GetParametersForImportCommand({ KeyId, ...wrapping })),
      wrapping,
    );

  /** Wraps `material` as `wrapKeyMaterial` does for the customer, for `params` or another algorithm. */
  const wrap = (
    params: ImportParameters,
    keyMaterial: Uint8Array,
    wrappingAlgorithm = params.wrapping.WrappingAlgorithm,
  ): Uint8Array =>
    wrapKeyMaterial({
      publicKey: params.PublicKey,
      wrappingAlgorithm,
      keyMaterial,
    })._unsafeUnwrap();

  /** The members of an ImportKeyMaterial request for `material`, expiring in 30 days by default. */
  const importRequest = (
    KeyId: string,
    params: ImportParameters,
    material: Uint8Array,
    members: Partial<ImportKeyMaterialCommandInput> = {},
  ): ImportKeyMaterialCommandInput => ({
    KeyId,
    ImportToken: params.ImportToken,
    EncryptedKeyMaterial: wrap(params, material),
    ValidTo: addDays(clock.now(), 30),
    ...members,
  });

  const importMaterial = (
    KeyId: string,
    params: ImportParameters,
    material: Uint8Array,
    members: Partial<ImportKeyMaterialCommandInput> = {},
  ): Promise<ImportKeyMaterialCommandOutput> =>
    client.send(new ImportKeyMaterialCommand(importRequest(KeyId, params, material, members)));

  /** Creates an EXTERNAL key and imports `material` into it (expiring in 30 days). */
  const importedKey = async (material = newMaterial()) => {
    const KeyId = await createKey();
    const { KeyMaterialId } = await importMaterial(KeyId, await parameters(KeyId), material);
    return { KeyId, material, KeyMaterialId: present(KeyMaterialId, "KeyMaterialId") };
  };

  const describe = async (KeyId: string): Promise<KeyMetadata> =>
    present(
      (await client.send(new DescribeKeyCommand({ KeyId }))).KeyMetadata,
      "DescribeKey KeyMetadata",
    );

  /**
   * Sends a request that must fail, and checks that it changed nothing DescribeKey shows of
   * `KeyId`; returns the SDK's error.
   */
  const failsUnchanged = async (
    KeyId: string,
    send: () => Promise<unknown>,
  ): Promise<KMSServiceException> => {
    const before = await describe(KeyId);
    const error = await rejection(send());
    expect(await describe(KeyId)).toEqual(before);
    return error;
  };

  return {
    client,
    createKey,
    parameters,
    wrap,
    importRequest,
    importMaterial,
    importedKey,
    describe,
    failsUnchanged,
  };
}

/** The SDK's error of a request that must fail. */
export async function rejection(request: Promise<unknown>): Promise<KMSServiceException> {
  try {
    await request;
  } catch (error) {
    if (error instanceof KMSServiceException) return error;
    throw error;
  }
  throw new Error("The request succeeded; it should have failed.");
}

/** What a test asserts of an SDK error: its name, message and HTTP status. */
export const failure = (error: KMSServiceException) => ({
  name: error.name,
  message: error.message,
  status: error.$metadata.httpStatusCode,
});

/**
 * The SDK's error of a request that must fail, as a test asserts of it: what {@link failure}
 * gives, and the request ID.
 */
export async function failureOf(request: Promise<unknown>) {
  const error = await rejection(request);
  return { ...failure(error), requestId: error.$metadata.requestId };
}

/** The key ARN of `keyId` in the endpoint's default account and Region. */
export const arnOf = (keyId: string, region = "us-east-1", account = "111122223333"): string =>
  `arn:aws:kms:${region}:${account}:key/${keyId}`;

function parsedParameters(
  output: GetParametersForImportCommandOutput,
  wrapping: Wrapping,
): ImportParameters {
  return {
    KeyId: present(output.KeyId, "KeyId"),
    ImportToken: present(output.ImportToken, "ImportToken"),
    PublicKey: present(output.PublicKey, "PublicKey"),
    ParametersValidTo: present(output.ParametersValidTo, "ParametersValidTo"),
    wrapping,
  };
}

function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The response has no ${what}.`);
  return value;
}
