import { createHmac, generateKeyPairSync, randomBytes, verify } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { createKms } from "../../src/service/createKms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { importedKeyOfSpec } from "../support/importMaterial.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import { postgresEngine, type SqlStoreEngine, sqliteEngine } from "./sqlStoreEngines.js";

// An HMAC key and an ECC signing key kept in a SQL store: another process opening the same
// storage signs, verifies and computes MACs with them, and GetPublicKey gives the same key.

const crypto = testCrypto({ rootKey: randomBytes(32) });
const message = new TextEncoder().encode("kept across a restart");

async function importInto(store: KeyStore, KeySpec: "HMAC_256" | "ECC_NIST_P256") {
  const kms = createKms({ store, crypto, behaviour: "current" });
  const pair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const material = KeySpec === "HMAC_256" ? randomBytes(32) : pair.privateKey;
  const KeyUsage = KeySpec === "HMAC_256" ? "GENERATE_VERIFY_MAC" : "SIGN_VERIFY";
  const KeyId = await importedKeyOfSpec(kms, KeySpec, KeyUsage, material);
  return { KeyId, material, publicKey: pair.publicKey };
}

function survivesRestart(engine: () => SqlStoreEngine) {
  const stores = engine();
  afterAll(() => stores.cleanUp());

  it("an ECC signing key signs after a restart, with the public key it had", async () => {
    const first = await stores.fresh();
    const { KeyId, publicKey } = await importInto(first, "ECC_NIST_P256");
    const kms = createKms({ store: await stores.openAgain(first), crypto, behaviour: "current" });
    const described = (await kms.describeKey({ KeyId }))._unsafeUnwrap().KeyMetadata;
    expect(described).toMatchObject({ KeySpec: "ECC_NIST_P256", KeyUsage: "SIGN_VERIFY" });
    const { PublicKey } = (await kms.getPublicKey({ KeyId }))._unsafeUnwrap();
    expect(Buffer.from(PublicKey)).toEqual(publicKey.export({ format: "der", type: "spki" }));
    const { Signature } = (
      await kms.sign({ KeyId, Message: message, SigningAlgorithm: "ECDSA_SHA_256" })
    )._unsafeUnwrap();
    expect(verify("sha256", message, publicKey, Signature)).toBe(true);
  });

  it("an HMAC key computes the same MAC after a restart", async () => {
    const first = await stores.fresh();
    const { KeyId, material } = await importInto(first, "HMAC_256");
    const kms = createKms({ store: await stores.openAgain(first), crypto, behaviour: "current" });
    const { Mac } = (
      await kms.generateMac({ KeyId, Message: message, MacAlgorithm: "HMAC_SHA_256" })
    )._unsafeUnwrap();
    expect(Buffer.from(Mac)).toEqual(
      createHmac("sha256", material as Uint8Array)
        .update(message)
        .digest(),
    );
  });
}

describe("HMAC and ECC keys in a SQLite store", () => survivesRestart(sqliteEngine));

describeWithPostgres("HMAC and ECC keys in a PostgreSQL store", (url) =>
  survivesRestart(() => postgresEngine(url)),
);
