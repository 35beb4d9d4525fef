import { createPrivateKey, createPublicKey } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  aws,
  noOutput,
  serviceError,
  shellSession,
  useAwsCliEndpoint,
} from "./support/awsCliSession.js";

// A signing key and an HMAC key with imported material, as a new user makes them with the real
// AWS CLI v2 (2.9) against an endpoint of the current behaviour profile: create-key with a key
// spec, get-parameters-for-import, `kms-byok wrap --key-spec` for the customer side,
// import-key-material, then get-public-key, sign, verify and generate-mac / verify-mac, with openssl
// checking the CLI's results.

useAwsCliEndpoint({ behaviour: "current", kmsByokOnPath: true });

const arn = (keyId: string) => `arn:aws:kms:us-east-1:111122223333:key/${keyId}`;

interface KeyMetadata {
  readonly KeyId: string;
  readonly KeySpec: string;
  readonly KeyUsage: string;
  readonly KeyState: string;
  readonly Enabled: boolean;
  readonly Origin: string;
  readonly ExpirationModel?: string;
  readonly SigningAlgorithms?: readonly string[];
  readonly MacAlgorithms?: readonly string[];
  readonly CurrentKeyMaterialId?: string;
}

/** Runs `steps` once, on first use, for every test that needs their result. */
function once<T>(steps: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => {
    result ??= steps();
    return result;
  };
}

/** The whole import of an ECC_NIST_P384 signing key, as the docs walk it, with what each step printed. */
const p384Key = once(async () => {
  const sh = await shellSession();
  const created = await sh.json<{ KeyMetadata: KeyMetadata }>(
    `${aws()} kms create-key --origin EXTERNAL --key-spec ECC_NIST_P384 --key-usage SIGN_VERIFY`,
  );
  const keyId = created.KeyMetadata.KeyId;
  // AWS CLI 2.9 lists only RSA_2048 for --wrapping-key-spec and no RSA_AES_KEY_WRAP_* in its help,
  // but passes the value through: an ECC key fits RSAES_OAEP_SHA_256 under RSA_3072.
  await sh.succeed(String.raw`read -r PUBLIC_KEY IMPORT_TOKEN < <(${aws()} \
    kms get-parameters-for-import --key-id "${keyId}" \
    --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_3072 \
    --query '[PublicKey, ImportToken]' --output text)
echo "$PUBLIC_KEY" | base64 --decode > PublicKey.bin
echo "$IMPORT_TOKEN" | base64 --decode > ImportToken.bin`);
  const wrapped = await sh.run(String.raw`kms-byok wrap --public-key PublicKey.bin \
    --wrapping-algorithm RSAES_OAEP_SHA_256 --key-spec ECC_NIST_P384 \
    --save-key-material PrivateKey.pem`);
  const imported = await sh.run(String.raw`${aws()} kms import-key-material \
    --key-id "${keyId}" \
    --encrypted-key-material fileb://EncryptedKeyMaterial.bin \
    --import-token fileb://ImportToken.bin \
    --expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE`);
  return { sh, keyId, created: created.KeyMetadata, wrapped, imported };
});

/** An HMAC_512 key whose 64 bytes of material kms-byok wrap generated and saved to HmacKey.bin. */
const hmacKey = once(async () => {
  const sh = await shellSession();
  const keyId = (
    await sh.succeed(String.raw`${aws()} kms create-key --origin EXTERNAL \
    --key-spec HMAC_512 --key-usage GENERATE_VERIFY_MAC \
    --query KeyMetadata.KeyId --output text`)
  ).trim();
  await sh.succeed(String.raw`read -r PUBLIC_KEY IMPORT_TOKEN < <(${aws()} \
    kms get-parameters-for-import --key-id "${keyId}" \
    --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048 \
    --query '[PublicKey, ImportToken]' --output text)
echo "$PUBLIC_KEY" | base64 --decode > PublicKey.bin
echo "$IMPORT_TOKEN" | base64 --decode > ImportToken.bin
kms-byok wrap --public-key PublicKey.bin --key-spec HMAC_512 \
    --save-key-material HmacKey.bin > /dev/null
${aws()} kms import-key-material \
    --key-id "${keyId}" \
    --encrypted-key-material fileb://EncryptedKeyMaterial.bin \
    --import-token fileb://ImportToken.bin \
    --expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE
printf 'Hello from the AWS CLI' > Message.txt`);
  return { sh, keyId };
});

// The tests run concurrently (each CLI call is a separate process); the ones about one key share
// its import, which runs once.
describe.concurrent("the AWS CLI v2 with signing and HMAC keys", { timeout: 120_000 }, () => {
  it("imports an ECC_NIST_P384 private key that kms-byok wrap --key-spec generated: create-key shows PendingImport and ECDSA_SHA_384, import-key-material prints nothing, and describe-key shows Enabled with no CurrentKeyMaterialId", async () => {
    const { sh, keyId, created, wrapped, imported } = await p384Key();

    expect(created).toMatchObject({
      KeySpec: "ECC_NIST_P384",
      KeyUsage: "SIGN_VERIFY",
      Origin: "EXTERNAL",
      KeyState: "PendingImport",
      Enabled: false,
      SigningAlgorithms: ["ECDSA_SHA_384"],
    });
    expect((await sh.file("PublicKey.bin")).length).toBe(422); // DER SubjectPublicKeyInfo, RSA 3072
    expect(wrapped.exitCode).toBe(0);
    expect(wrapped.stderr).toBe("");
    expect(wrapped.stdout).toMatch(
      /^kms-byok wrap: wrapped an ECC_NIST_P384 private key \(\d+ bytes of PKCS#8 DER, generated\) with RSAES_OAEP_SHA_256 and the 3072-bit RSA public key in PublicKey\.bin \(DER\)\n {2}wrote EncryptedKeyMaterial\.bin \(384 bytes\): pass it as --encrypted-key-material fileb:\/\/EncryptedKeyMaterial\.bin\n {2}wrote PrivateKey\.pem \(\d+ bytes of PKCS#8 PEM, mode 0600\): /,
    );
    const privateKey = createPrivateKey(await sh.file("PrivateKey.pem"));
    expect(privateKey.asymmetricKeyDetails?.namedCurve).toBe("secp384r1");
    expect(imported).toEqual(noOutput);

    const described = (
      await sh.json<{ KeyMetadata: KeyMetadata }>(`${aws()} kms describe-key --key-id ${keyId}`)
    ).KeyMetadata;
    expect(described).toMatchObject({
      KeyState: "Enabled",
      Enabled: true,
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      SigningAlgorithms: ["ECDSA_SHA_384"],
    });
    expect(described.CurrentKeyMaterialId).toBeUndefined();
  });

  it("get-public-key returns the public half of the saved private key, sign --message-type RAW makes an ECDSA_SHA_384 signature that verify accepts, and openssl verifies it with the CLI's public key", async () => {
    const { sh, keyId } = await p384Key();

    const publicKey = await sh.json(`${aws()} kms get-public-key --key-id ${keyId}`);
    expect(publicKey).toEqual({
      KeyId: arn(keyId),
      PublicKey: expect.any(String),
      CustomerMasterKeySpec: "ECC_NIST_P384",
      KeySpec: "ECC_NIST_P384",
      KeyUsage: "SIGN_VERIFY",
      SigningAlgorithms: ["ECDSA_SHA_384"],
    });
    await sh.succeed(String.raw`${aws()} kms get-public-key --key-id ${keyId} \
    --query PublicKey --output text | base64 --decode > PublicKey.der
openssl pkey -pubin -inform DER -in PublicKey.der -out PublicKey.pem
printf 'Hello from the AWS CLI' > Message.txt
${aws()} kms sign --key-id ${keyId} --message fileb://Message.txt \
    --message-type RAW --signing-algorithm ECDSA_SHA_384 \
    --query Signature --output text | base64 --decode > Signature.bin`);
    expect(await sh.file("PublicKey.der")).toEqual(
      createPublicKey(await sh.file("PrivateKey.pem")).export({ format: "der", type: "spki" }),
    );

    const verified = await sh.json(String.raw`${aws()} kms verify --key-id ${keyId} \
    --message fileb://Message.txt --message-type RAW \
    --signing-algorithm ECDSA_SHA_384 --signature fileb://Signature.bin`);
    expect(verified).toEqual({
      KeyId: arn(keyId),
      SignatureValid: true,
      SigningAlgorithm: "ECDSA_SHA_384",
    });

    expect(
      await sh.succeed(
        "openssl dgst -sha384 -verify PublicKey.pem -signature Signature.bin Message.txt",
      ),
    ).toBe("Verified OK\n");
  });

  it("verify of a signature of another message fails with KMSInvalidSignatureException (exit 254)", async () => {
    const { sh, keyId } = await p384Key();
    await sh.succeed(String.raw`printf 'Another message' > Other.txt
${aws()} kms sign --key-id ${keyId} --message fileb://Other.txt \
    --message-type RAW --signing-algorithm ECDSA_SHA_384 \
    --query Signature --output text | base64 --decode > OtherSignature.bin`);

    const outcome = await sh.run(String.raw`printf 'Hello from the AWS CLI' > Hello.txt
${aws()} kms verify --key-id ${keyId} \
    --message fileb://Hello.txt --message-type RAW \
    --signing-algorithm ECDSA_SHA_384 --signature fileb://OtherSignature.bin`);

    expect(outcome.exitCode).toBe(254);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toMatch(serviceError("KMSInvalidSignatureException", "Verify"));
  });

  it("generate-mac with an HMAC_512 key gives what openssl mac -digest SHA512 computes with the saved material, and verify-mac accepts it", async () => {
    const { sh, keyId } = await hmacKey();
    expect((await sh.file("HmacKey.bin")).length).toBe(64);

    await sh.succeed(String.raw`${aws()} kms generate-mac --key-id ${keyId} \
    --message fileb://Message.txt --mac-algorithm HMAC_SHA_512 \
    --query Mac --output text | base64 --decode > Mac.bin
openssl mac -digest SHA512 -macopt "hexkey:$(od -An -v -tx1 HmacKey.bin | tr -d ' \n')" \
    -in Message.txt -binary -out OpensslMac.bin HMAC`);
    const mac = await sh.file("Mac.bin");
    expect(mac.length).toBe(64);
    expect(mac).toEqual(await sh.file("OpensslMac.bin"));

    const verified = await sh.json(String.raw`${aws()} kms verify-mac --key-id ${keyId} \
    --message fileb://Message.txt --mac-algorithm HMAC_SHA_512 --mac fileb://Mac.bin`);
    expect(verified).toEqual({
      KeyId: arn(keyId),
      MacValid: true,
      MacAlgorithm: "HMAC_SHA_512",
    });
  });

  it("verify-mac of a MAC of another message fails with KMSInvalidMacException (exit 254)", async () => {
    const { sh, keyId } = await hmacKey();

    const outcome = await sh.run(String.raw`printf 'Another message' > OtherMessage.txt
openssl mac -digest SHA512 -macopt "hexkey:$(od -An -v -tx1 HmacKey.bin | tr -d ' \n')" \
    -in OtherMessage.txt -binary -out OtherMac.bin HMAC
${aws()} kms verify-mac --key-id ${keyId} \
    --message fileb://Message.txt --mac-algorithm HMAC_SHA_512 --mac fileb://OtherMac.bin`);

    expect(outcome.exitCode).toBe(254);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toMatch(serviceError("KMSInvalidMacException", "VerifyMac"));
  });
});
