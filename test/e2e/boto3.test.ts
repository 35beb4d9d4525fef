import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type KmsEndpoint, startKmsEndpoint } from "../support/kmsEndpoint.js";
import { runBoto3Script } from "./support/boto3Script.js";

// Debian's python3 and boto3 run test/e2e/boto3Lifecycle.py against the endpoint; the script
// prints what it observed as JSON.

const day = 24 * 3600 * 1000;

interface ClientErrorSeen {
  readonly Code: string;
  readonly HTTPStatusCode: number;
  readonly operation: string;
}

interface Observations {
  readonly boto3: string;
  readonly createKey: {
    readonly KeyId: string;
    readonly Arn: string;
    readonly KeyState: string;
    readonly Enabled: boolean;
    readonly Origin: string;
  };
  readonly getParametersForImport: {
    readonly KeyId: string;
    readonly publicKeyBytes: number;
    readonly importTokenIsBytes: boolean;
    readonly parametersValidToIsAware: boolean;
  };
  readonly wrap: { readonly with: string; readonly bytes: number };
  readonly importKeyMaterial: { readonly HTTPStatusCode: number; readonly validToSent: string };
  readonly afterImport: {
    readonly KeyState: string;
    readonly Enabled: boolean;
    readonly ExpirationModel: string;
    readonly ValidTo: string;
  };
  readonly replayedToken: ClientErrorSeen;
  readonly encrypt: {
    readonly KeyId: string;
    readonly EncryptionAlgorithm: string;
    readonly ciphertextContainsPlaintext: boolean;
  };
  readonly decrypt: {
    readonly KeyId: string;
    readonly EncryptionAlgorithm: string;
    readonly Plaintext: string;
  };
  readonly afterDisable: { readonly KeyState: string; readonly encrypt: ClientErrorSeen };
  readonly afterEnable: { readonly KeyState: string; readonly decryptedAgain: boolean };
  readonly scheduleKeyDeletion: {
    readonly KeyId: string;
    readonly KeyState: string;
    readonly PendingWindowInDays: number;
    readonly DeletionDate: string;
  };
  readonly afterScheduling: { readonly KeyState: string; readonly DeletionDate: string };
}

let endpoint: KmsEndpoint | undefined;
let seen: Observations;
let startedAt = 0;
let finishedAt = 0;

beforeAll(async () => {
  endpoint = await startKmsEndpoint();
  ({
    observed: seen,
    startedAt,
    finishedAt,
  } = await runBoto3Script<Observations>("boto3Lifecycle.py", endpoint.url));
}, 60_000);

afterAll(async () => {
  await endpoint?.close();
});

describe("boto3 (Debian's python3-boto3) against the local endpoint", () => {
  it("creates an EXTERNAL key that is PendingImport and disabled", () => {
    const { KeyId, Arn, ...rest } = seen.createKey;
    expect(Arn).toBe(`arn:aws:kms:us-east-1:111122223333:key/${KeyId}`);
    expect(rest).toEqual({ KeyState: "PendingImport", Enabled: false, Origin: "EXTERNAL" });
  });

  it("gets import parameters as bytes: a 294-byte DER RSA_2048 public key, a token and an aware ParametersValidTo", () => {
    expect(seen.getParametersForImport).toEqual({
      KeyId: seen.createKey.Arn,
      publicKeyBytes: 294,
      importTokenIsBytes: true,
      parametersValidToIsAware: true,
    });
    expect(["cryptography", "openssl"]).toContain(seen.wrap.with);
    expect(seen.wrap.bytes).toBe(256);
  });

  it("imports the wrapped material with KEY_MATERIAL_EXPIRES and a datetime ValidTo, and describe_key then shows Enabled with that ValidTo", () => {
    expect(seen.importKeyMaterial.HTTPStatusCode).toBe(200);
    expect(seen.afterImport).toEqual({
      KeyState: "Enabled",
      Enabled: true,
      ExpirationModel: "KEY_MATERIAL_EXPIRES",
      ValidTo: seen.importKeyMaterial.validToSent,
    });
  });

  it("raises ClientError with Error.Code InvalidImportTokenException (HTTP 400) for the replayed import token", () => {
    expect(seen.replayedToken).toEqual({
      Code: "InvalidImportTokenException",
      HTTPStatusCode: 400,
      operation: "ImportKeyMaterial",
    });
  });

  it("encrypts and decrypts back to the same plaintext under the imported key", () => {
    const expected = {
      KeyId: seen.createKey.Arn,
      EncryptionAlgorithm: "SYMMETRIC_DEFAULT",
    };
    expect(seen.encrypt).toEqual({ ...expected, ciphertextContainsPlaintext: false });
    expect(seen.decrypt).toEqual({
      ...expected,
      Plaintext: Buffer.from("Hello from boto3").toString("base64"),
    });
  });

  it("disables the key (encrypt then raises DisabledException) and enables it again", () => {
    expect(seen.afterDisable).toEqual({
      KeyState: "Disabled",
      encrypt: { Code: "DisabledException", HTTPStatusCode: 400, operation: "Encrypt" },
    });
    expect(seen.afterEnable).toEqual({ KeyState: "Enabled", decryptedAgain: true });
  });

  it("schedules deletion in 7 days: PendingDeletion with a DeletionDate 7 days after the request", () => {
    const { DeletionDate, ...scheduled } = seen.scheduleKeyDeletion;
    expect(scheduled).toEqual({
      KeyId: seen.createKey.Arn,
      KeyState: "PendingDeletion",
      PendingWindowInDays: 7,
    });
    expect(seen.afterScheduling).toEqual({ KeyState: "PendingDeletion", DeletionDate });
    const requestedAt = Date.parse(DeletionDate) - 7 * day;
    expect(requestedAt).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(requestedAt).toBeLessThanOrEqual(finishedAt + 1000);
  });
});
