import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import type { KeyMaterialId } from "../../src/domain/keyMaterialId.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import type { CryptoProvider } from "../../src/ports/cryptoProvider.js";
import type { KeyStore } from "../../src/ports/keyStore.js";
import { createKms } from "../../src/service/createKms.js";
import type { KmsTarget } from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";

/** createKms as our own suite runs it: memory store, test crypto, the run's clock and scope. */
export const soundKms: KmsTarget = (environment) =>
  createKms({ ...environment, store: memoryKeyStore(), crypto: testCrypto() });

/**
 * A crypto provider that names material by its key alone, so the binding check (docs/decisions/0004-material-bound-forever.md) compares
 * equal IDs and a key accepts different material on reimport.
 */
export const acceptsDifferentMaterial: KmsTarget = ({ clock, accountId, region }) => {
  const crypto = testCrypto();
  const firstIds = new Map<string, KeyMaterialId>();
  const broken: CryptoProvider = {
    ...crypto,
    unwrapKeyMaterial: (request) =>
      crypto.unwrapKeyMaterial(request).map((material) => {
        const id = firstIds.get(request.keyId) ?? material.id;
        firstIds.set(request.keyId, id);
        return { ...material, id };
      }),
  };
  return createKms({ clock, accountId, region, store: memoryKeyStore(), crypto: broken });
};

/** A store that forgets `validTo` when it saves material, so material never expires. */
export const ignoresExpiry: KmsTarget = ({ clock, accountId, region }) => {
  const store = memoryKeyStore();
  const broken: KeyStore = {
    ...store,
    put: (record, expectedVersion) => store.put(withoutValidTo(record), expectedVersion),
  };
  return createKms({ clock, accountId, region, store: broken, crypto: testCrypto() });
};

/** A store that never deletes a parameter set, so a spent import token imports again. */
export const reusesSpentTokens: KmsTarget = ({ clock, accountId, region }) => {
  const store = memoryKeyStore();
  const broken: KeyStore = {
    ...store,
    put: (record, expectedVersion) =>
      store.get(record.arn).andThen((stored) => {
        const kept = (stored?.record.parameterSets ?? []).filter(
          (old) => !record.parameterSets.some((set) => set.id === old.id),
        );
        return store.put(
          { ...record, parameterSets: [...kept, ...record.parameterSets] },
          expectedVersion,
        );
      }),
  };
  return createKms({ clock, accountId, region, store: broken, crypto: testCrypto() });
};

/** A store whose `put` ignores the expected version: the later of two concurrent writes wins. */
export const losesConcurrentWrites: KmsTarget = ({ clock, accountId, region }) => {
  const store = memoryKeyStore();
  const broken: KeyStore = {
    ...store,
    put: (record) =>
      store.get(record.arn).andThen((stored) => store.put(record, stored?.version ?? 0)),
  };
  return createKms({ clock, accountId, region, store: broken, crypto: testCrypto() });
};

function withoutValidTo(record: KeyRecord): KeyRecord {
  if (record.keyState === "PendingImport" || record.material?.validTo === undefined) return record;
  const { validTo: _validTo, ...material } = record.material;
  return { ...record, material } as KeyRecord;
}

/** A store that drops the materials of a key that are no longer current, and old ciphertexts with them. */
export const forgetsOldMaterials: KmsTarget = (environment) => {
  const store = memoryKeyStore();
  const broken: KeyStore = {
    ...store,
    put: (record, expectedVersion) =>
      store.put(
        {
          ...record,
          otherMaterials: (record.otherMaterials ?? []).filter((m) => m.state !== "NON_CURRENT"),
        },
        expectedVersion,
      ),
  };
  return createKms({ ...environment, store: broken, crypto: testCrypto() });
};

/** A target that allows one on-demand rotation more than the limit it was given. */
export const exceedsRotationLimit: KmsTarget = (environment) =>
  createKms({
    ...environment,
    onDemandRotationLimit: environment.onDemandRotationLimit + 1,
    store: memoryKeyStore(),
    crypto: testCrypto(),
  });
