// The checks after a restart made through the AWS SDK, as a user of the service sees it.
import { randomBytes } from "node:crypto";
import type { ResultAsync } from "neverthrow";
import { expect } from "vitest";
import type { KeyArn } from "../../../src/domain/keyArn.js";
import type { KeyId } from "../../../src/domain/keyId.js";
import type { KmsError } from "../../../src/domain/kmsError.js";
import type { Kms } from "../../../src/service/kms.js";
import { everyKey, newTrackedKey, type TrackedKey, type World } from "./crashWorld.js";

/** Lists the keys through the SDK; a key the test has no ID for must be an unanswered create's. */
export async function adoptLandedCreates(world: World, kms: Kms, where: string) {
  const listed: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await answered(
      kms.listKeys({ Limit: 1000, ...(Marker === undefined ? {} : { Marker }) }),
      where,
    );
    listed.push(...page.Keys.map((entry) => entry.KeyId));
    Marker = page.Truncated ? page.NextMarker : undefined;
  } while (Marker !== undefined);

  const known = new Set(everyKey(world).map((key) => key.keyId as string));
  const missing = [...known].filter((keyId) => !listed.includes(keyId));
  expect(missing, `${where}: acknowledged keys ListKeys does not list`).toEqual([]);
  for (const keyId of listed.filter((id) => !known.has(id))) {
    const { KeyMetadata } = await answered(kms.describeKey({ KeyId: keyId }), where);
    expect(
      world.unansweredCreates.has(KeyMetadata.Description),
      `${where}: ${keyId} ("${KeyMetadata.Description}") is no key the test created, nor one of its unanswered CreateKey requests`,
    ).toBe(true);
    world.unansweredCreates.delete(KeyMetadata.Description);
    world.stats.landed += 1;
    expect(KeyMetadata.KeyState, `${where}: the state of ${keyId}, an unanswered create`).toBe(
      "PendingImport",
    );
    world.active.push(newTrackedKey(keyId as KeyId, KeyMetadata.Arn as KeyArn, ["CreateKey"]));
  }
  world.unansweredCreates.clear();
}

/**
 * The key is in its state through DescribeKey, encrypts when Enabled (and only then), and each of
 * its acknowledged ciphertexts decrypts to its plaintext, or fails as the key's state says.
 */
export async function checkThroughSdk(world: World, kms: Kms, key: TrackedKey, where: string) {
  const described = `${where}: ${key.keyId} (${key.state})`;
  const { KeyMetadata } = await answered(kms.describeKey({ KeyId: key.keyId }), described);
  expect(
    {
      KeyState: KeyMetadata.KeyState,
      Enabled: KeyMetadata.Enabled,
      CurrentKeyMaterialId: KeyMetadata.CurrentKeyMaterialId,
    },
    `${described}: DescribeKey`,
  ).toEqual({
    KeyState: key.state,
    Enabled: key.state === "Enabled",
    CurrentKeyMaterialId: key.landed.includes("ImportKeyMaterial") ? key.materialId : undefined,
  });

  const Plaintext = randomBytes(16);
  const encrypted = await kms.encrypt({ KeyId: key.keyId, Plaintext });
  if (key.state === "Enabled") {
    if (encrypted.isErr())
      throw new Error(
        `${described}: Encrypt failed: ${encrypted.error.name}: ${encrypted.error.message}`,
      );
    const decrypted = await answered(
      kms.decrypt({ CiphertextBlob: encrypted.value.CiphertextBlob }),
      described,
    );
    expect(Buffer.from(decrypted.Plaintext).equals(Plaintext), `${described}: new ciphertext`).toBe(
      true,
    );
  } else {
    expect(encrypted.isErr() && encrypted.error.name, `${described}: Encrypt`).toBe(
      "KMSInvalidStateException",
    );
  }

  for (const { blob, plaintext } of key.ciphertexts) {
    const decrypted = await kms.decrypt({ CiphertextBlob: blob });
    world.stats.decryptsChecked += 1;
    if (key.state === "Enabled") {
      if (decrypted.isErr())
        throw new Error(
          `${described}: an acknowledged ciphertext does not decrypt: ${decrypted.error.name}: ${decrypted.error.message}`,
        );
      expect(
        {
          plaintext: Buffer.from(decrypted.value.Plaintext).equals(plaintext),
          keyMaterialId: decrypted.value.KeyMaterialId,
        },
        `${described}: Decrypt of an acknowledged ciphertext`,
      ).toEqual({ plaintext: true, keyMaterialId: key.materialId });
    } else {
      expect(
        decrypted.isErr() ? decrypted.error.name : "decrypted",
        `${described}: Decrypt of an acknowledged ciphertext of material since deleted`,
      ).toBe("KMSInvalidStateException");
    }
  }
}

async function answered<T>(call: ResultAsync<T, KmsError>, where: string): Promise<T> {
  const answer = await call;
  if (answer.isErr())
    throw new Error(`${where}: unexpected ${answer.error.name}: ${answer.error.message}`);
  return answer.value;
}
