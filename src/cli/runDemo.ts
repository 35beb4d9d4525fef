import { randomBytes } from "node:crypto";
import { err, ok, type Result, type ResultAsync } from "neverthrow";
import { nodeCrypto } from "../adapters/nodeCrypto.js";
import { wrapKeyMaterial } from "../client/wrapKeyMaterial.js";
import { daysAfter } from "../domain/daysAfter.js";
import type { KeyEvent } from "../domain/keyEvent.js";
import type { KmsError } from "../domain/kmsError.js";

import { createKms } from "../service/createKms.js";
import { manualClock } from "../testing/manualClock.js";

/**
 * Walks the seed's workflow in process on a simulated clock and writes a transcript: create an
 * EXTERNAL key, get import parameters, wrap and import material that expires in 30 days, let
 * the time pass, see the key fall back to PendingImport, get different material refused, and
 * restore the key with the same material, which decrypts what it encrypted before. Returns an
 * error if any step does not behave so.
 */
export async function runDemo(write: (line: string) => void): Promise<Result<void, string>> {
  const clock = manualClock(new Date("2026-01-01T09:00:00.000Z"));
  const audit: KeyEvent[] = [];
  const crypto = nodeCrypto();
  const kms = createKms({ clock, crypto, audit: { record: (event) => audit.push(event) } });
  const time = () => clock.now().toISOString();
  const step = (title: string) => write(`\n[${time()}] ${title}`);
  const show = (label: string, value: string) => write(`    ${label.padEnd(22)} ${value}`);
  const expect = async <T>(call: ResultAsync<T, KmsError>, what: string) => {
    const r = await call;
    if (r.isErr()) throw new DemoFailure(`${what} failed: ${r.error.name}: ${r.error.message}`);
    return r.value;
  };
  const describe = async (KeyId: string) =>
    (await expect(kms.describeKey({ KeyId }), "DescribeKey")).KeyMetadata;

  try {
    write("kms-byok demo: importing your own key material into a KMS key, on a simulated clock");

    step("CreateKey --origin EXTERNAL");
    const { KeyMetadata: created } = await expect(
      kms.createKey({ Origin: "EXTERNAL" }),
      "CreateKey",
    );
    const KeyId = created.KeyId;
    show("KeyId", KeyId);
    show("KeyState", `${created.KeyState} (a key without material waits for an import)`);

    step(
      "GetParametersForImport --wrapping-algorithm RSAES_OAEP_SHA_256 --wrapping-key-spec RSA_2048",
    );
    const wrapping = {
      WrappingAlgorithm: "RSAES_OAEP_SHA_256",
      WrappingKeySpec: "RSA_2048",
    } as const;
    const params = await expect(
      kms.getParametersForImport({ KeyId, ...wrapping }),
      "GetParametersForImport",
    );
    show(
      "PublicKey",
      `${params.PublicKey.byteLength}-byte DER RSA public key, fresh for this call`,
    );
    show("ImportToken", `${params.ImportToken.byteLength} bytes, single use`);
    show("ParametersValidTo", params.ParametersValidTo.toISOString());

    step(
      "Customer side: wrap 32 random bytes of key material with the public key (RSA-OAEP, SHA-256)",
    );
    const material = randomBytes(32);
    const wrap = (publicKey: Uint8Array, keyMaterial: Uint8Array) =>
      unwrapResult(
        wrapKeyMaterial({ publicKey, wrappingAlgorithm: wrapping.WrappingAlgorithm, keyMaterial }),
      );
    const encrypted = wrap(params.PublicKey, material);
    show("EncryptedKeyMaterial", `${encrypted.byteLength} bytes`);

    const validTo = daysAfter(clock.now(), 30);
    step(
      `ImportKeyMaterial --expiration-model KEY_MATERIAL_EXPIRES --valid-to ${validTo.toISOString()}`,
    );
    const imported = await expect(
      kms.importKeyMaterial({
        KeyId,
        ImportToken: params.ImportToken,
        EncryptedKeyMaterial: encrypted,
        ValidTo: validTo,
      }),
      "ImportKeyMaterial",
    );
    show("KeyMaterialId", imported.KeyMaterialId);
    const enabled = await describe(KeyId);
    show("KeyState", `${enabled.KeyState} (Enabled: ${enabled.Enabled}): the key can be used`);
    show("ValidTo", enabled.ValidTo?.toISOString() ?? "(none)");

    const EncryptionContext = { purpose: "demo" };
    step('Encrypt "Hello, BYOK" --encryption-context purpose=demo');
    const { CiphertextBlob } = await expect(
      kms.encrypt({
        KeyId,
        Plaintext: new TextEncoder().encode("Hello, BYOK"),
        EncryptionContext,
      }),
      "Encrypt",
    );
    show("CiphertextBlob", `${CiphertextBlob.byteLength} bytes (names the key and its material)`);
    const decryptDemo = () => kms.decrypt({ CiphertextBlob, EncryptionContext });

    step("The same import token again (a replayed request)");
    const replay = await kms.importKeyMaterial({
      KeyId,
      ImportToken: params.ImportToken,
      EncryptedKeyMaterial: encrypted,
      ValidTo: validTo,
    });
    showRefusal(show, replay);

    clock.advance({ days: 30, hours: 1 });
    step("Time passes: 30 days and 1 hour later, past ValidTo");
    const expired = await describe(KeyId);
    show(
      "KeyState",
      `${expired.KeyState}: KMS deleted the expired key material; the key is unusable`,
    );
    show("CurrentKeyMaterialId", `${expired.CurrentKeyMaterialId ?? "(none)"} (remembered)`);

    step("Decrypt the earlier ciphertext");
    showRefusal(show, await decryptDemo());

    step("Reimport with DIFFERENT key material (new parameters, new wrap)");
    const fresh = await expect(
      kms.getParametersForImport({ KeyId, ...wrapping }),
      "GetParametersForImport",
    );
    const other = await kms.importKeyMaterial({
      KeyId,
      ImportToken: fresh.ImportToken,
      EncryptedKeyMaterial: wrap(fresh.PublicKey, randomBytes(32)),
      ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
    });
    showRefusal(show, other);
    if (other.isOk() || other.error.name !== "IncorrectKeyMaterialException") {
      throw new DemoFailure(
        "different key material was not refused with IncorrectKeyMaterialException",
      );
    }

    step(
      "Reimport the SAME key material, this time with --expiration-model KEY_MATERIAL_DOES_NOT_EXPIRE",
    );
    await expect(
      kms.importKeyMaterial({
        KeyId,
        ImportToken: fresh.ImportToken,
        EncryptedKeyMaterial: wrap(fresh.PublicKey, material),
        ExpirationModel: "KEY_MATERIAL_DOES_NOT_EXPIRE",
      }),
      "ImportKeyMaterial (same material)",
    );
    const restored = await describe(KeyId);
    show("KeyState", `${restored.KeyState} (Enabled: ${restored.Enabled}): the key is restored`);
    show("ExpirationModel", restored.ExpirationModel ?? "(none)");

    step("Decrypt the ciphertext made before the material expired");
    const decrypted = await expect(decryptDemo(), "Decrypt after reimport");
    show("Plaintext", `"${new TextDecoder().decode(decrypted.Plaintext)}"`);

    write("\nAudit trail (what the AuditSink received):");
    for (const event of audit) {
      write(
        `    ${event.eventTime.toISOString()}  ${event.eventName.padEnd(26)} -> ${event.keyState}`,
      );
    }
    return ok(undefined);
  } catch (failure) {
    if (failure instanceof DemoFailure) return err(failure.message);
    throw failure;
  } finally {
    await crypto.close();
  }
}

class DemoFailure extends Error {}

function showRefusal(
  show: (label: string, value: string) => void,
  result: Result<unknown, KmsError>,
): void {
  if (result.isOk()) throw new DemoFailure("the request was accepted but should have been refused");
  show("Refused", result.error.name);
  show("Message", result.error.message);
}

function unwrapResult<T>(result: Result<T, KmsError>): T {
  if (result.isErr()) throw new DemoFailure(`${result.error.name}: ${result.error.message}`);
  return result.value;
}
