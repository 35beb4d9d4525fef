import { describe, expect, it } from "vitest";
import {
  asCliPrintsIt,
  aws,
  noOutput,
  serviceError,
  shellSession,
  useAwsCliEndpoint,
  validToIn30Days,
} from "./support/awsCliSession.js";

// The seed's EXAMPLES section run with the real AWS CLI v2 against the endpoint.

const otherAccount = "444455556666";

useAwsCliEndpoint();

// The tests run concurrently (each CLI call is a separate process), so each one lasts about as long
// as the whole file; the timeout leaves room for a busy CI machine.
describe.concurrent("the AWS CLI v2 against the local endpoint", { timeout: 120_000 }, () => {
  it("runs the seed's example: import-key-material with KEY_MATERIAL_EXPIRES and a future --valid-to prints nothing and exits 0, and describe-key then shows Enabled with that ValidTo", async () => {
    const sh = await shellSession();
    const created = await sh.createExternalKey();
    expect(created).toMatchObject({
      AWSAccountId: "111122223333",
      KeyState: "PendingImport",
      Enabled: false,
      Origin: "EXTERNAL",
    });

    await sh.downloadImportParameters(created.KeyId);
    expect((await sh.file("PublicKey.bin")).length).toBe(294); // DER SubjectPublicKeyInfo, RSA 2048
    await sh.succeed("openssl rand -out PlaintextKeyMaterial.bin 32");
    await sh.wrapWithOaepSha256();
    expect((await sh.file("EncryptedKeyMaterial.bin")).length).toBe(256);

    const validTo = validToIn30Days();
    expect(await sh.importKeyMaterial(created.KeyId, validTo)).toEqual(noOutput);

    expect(await sh.describeKey(created.KeyId)).toMatchObject({
      KeyId: created.KeyId,
      KeyState: "Enabled",
      Enabled: true,
      ExpirationModel: "KEY_MATERIAL_EXPIRES",
      ValidTo: asCliPrintsIt(validTo),
    });
  });

  it("refuses the seed's literal --valid-to 2021-09-21T19:00:00Z, now in the past, with ValidationException (exit 254), and the key stays PendingImport", async () => {
    const sh = await shellSession();
    const { KeyId } = await sh.createExternalKey();
    await sh.downloadImportParameters(KeyId);
    await sh.wrapNewMaterial();

    const outcome = await sh.importKeyMaterial(KeyId, "2021-09-21T19:00:00Z");

    expect(outcome.exitCode).toBe(254);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toMatch(serviceError("ValidationException", "ImportKeyMaterial"));
    expect((await sh.describeKey(KeyId)).KeyState).toBe("PendingImport");
  });

  it("refuses the same wrapped material with the spent import token with InvalidImportTokenException (exit 254)", async () => {
    const sh = await shellSession();
    const { KeyId } = await sh.enabledKey();

    const replayed = await sh.importKeyMaterial(KeyId, validToIn30Days());

    expect(replayed.exitCode).toBe(254);
    expect(replayed.stdout).toBe("");
    expect(replayed.stderr).toMatch(
      serviceError("InvalidImportTokenException", "ImportKeyMaterial"),
    );
  });

  it("accepts the key ARN as --key-id for get-parameters-for-import, import-key-material and describe-key", async () => {
    const sh = await shellSession();
    const { KeyId, Arn } = await sh.createExternalKey();
    expect(Arn).toBe(`arn:aws:kms:us-east-1:111122223333:key/${KeyId}`);

    await sh.downloadImportParameters(Arn);
    await sh.wrapNewMaterial();
    expect(await sh.importKeyMaterial(Arn, validToIn30Days())).toEqual(noOutput);

    expect(await sh.describeKey(Arn)).toMatchObject({ KeyId, Arn, KeyState: "Enabled" });
  });

  it("encrypts a fileb:// plaintext under the imported key and decrypts the fileb:// ciphertext back", async () => {
    const sh = await shellSession();
    const { KeyId } = await sh.enabledKey();

    const decrypted = await sh.succeed(String.raw`printf 'Hello from the AWS CLI' > Plaintext.txt
${aws()} kms encrypt --key-id ${KeyId} --plaintext fileb://Plaintext.txt \
    --query CiphertextBlob --output text | base64 --decode > Ciphertext.bin
${aws()} kms decrypt --ciphertext-blob fileb://Ciphertext.bin \
    --query Plaintext --output text | base64 --decode`);

    expect(decrypted).toBe("Hello from the AWS CLI");
    expect((await sh.file("Ciphertext.bin")).includes("Hello from the AWS CLI")).toBe(false);
  });

  it("delete-imported-key-material leaves the key PendingImport, and reimporting the same material with fresh parameters makes it Enabled again", async () => {
    const sh = await shellSession();
    const { KeyId } = await sh.enabledKey();

    expect(await sh.run(`${aws()} kms delete-imported-key-material --key-id ${KeyId}`)).toEqual(
      noOutput,
    );
    expect(await sh.describeKey(KeyId)).toMatchObject({
      KeyState: "PendingImport",
      Enabled: false,
    });

    await sh.downloadImportParameters(KeyId);
    await sh.wrapWithOaepSha256(); // the same PlaintextKeyMaterial.bin, under the new public key
    const validTo = validToIn30Days();
    expect(await sh.importKeyMaterial(KeyId, validTo)).toEqual(noOutput);

    expect(await sh.describeKey(KeyId)).toMatchObject({
      KeyState: "Enabled",
      Enabled: true,
      ValidTo: asCliPrintsIt(validTo),
    });
  });

  it("imports material that openssl wrapped with AWS's RSA_AES_KEY_WRAP_SHA_256 recipe (enc -id-aes256-wrap-pad, then OAEP-SHA-256 of the AES key, RSA part first) with KEY_MATERIAL_DOES_NOT_EXPIRE", async () => {
    const sh = await shellSession();
    const { KeyId } = await sh.createExternalKey();
    await sh.downloadImportParameters(KeyId, "RSA_AES_KEY_WRAP_SHA_256");

    // AWS's guide takes the hex of the AES key with `xxd -p`; od does the same and is always there.
    await sh.succeed(String.raw`openssl rand -out PlaintextKeyMaterial.bin 32
openssl rand -out AesKey.bin 32
openssl enc -id-aes256-wrap-pad \
    -K "$(od -An -v -tx1 AesKey.bin | tr -d ' \n')" \
    -iv A65959A6 \
    -in PlaintextKeyMaterial.bin \
    -out KeyMaterialWrapped.bin
openssl pkeyutl -encrypt -in AesKey.bin -out AesKeyWrapped.bin \
    -inkey PublicKey.bin -keyform DER -pubin \
    -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha256 -pkeyopt rsa_mgf1_md:sha256
cat AesKeyWrapped.bin KeyMaterialWrapped.bin > EncryptedKeyMaterial.bin`);
    expect((await sh.file("EncryptedKeyMaterial.bin")).length).toBe(256 + 40);

    const imported = await sh.run(String.raw`${aws()} kms import-key-material \
    --key-id ${KeyId} \
    --encrypted-key-material fileb://EncryptedKeyMaterial.bin \
    --import-token fileb://ImportToken.bin \
    --expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE`);
    expect(imported).toEqual(noOutput);

    const described = await sh.describeKey(KeyId);
    expect(described).toMatchObject({
      KeyState: "Enabled",
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    });
    expect(described.ValidTo).toBeUndefined();
  });

  it("refuses a key ARN of another account with AccessDeniedException (exit 254)", async () => {
    const sh = await shellSession();
    const { KeyId } = await sh.createExternalKey();
    const foreignArn = `arn:aws:kms:us-east-1:${otherAccount}:key/${KeyId}`;

    const outcome = await sh.run(String.raw`${aws()} kms get-parameters-for-import \
    --key-id ${foreignArn} \
    --wrapping-algorithm RSAES_OAEP_SHA_256 \
    --wrapping-key-spec RSA_2048`);

    expect(outcome.exitCode).toBe(254);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toMatch(serviceError("AccessDeniedException", "GetParametersForImport"));
  });
});
