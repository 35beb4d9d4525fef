import { KMSClient } from "@aws-sdk/client-kms";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysAfter } from "../../src/domain/daysAfter.js";
import { kmsError } from "../../src/domain/kmsError.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import { KmsModelFailure } from "../../src/testing/kmsModelFailure.js";
import { type ManualClock, manualClock } from "../../src/testing/manualClock.js";
import {
  type KmsModelEnvironment,
  type KmsTarget,
  runKmsModel,
} from "../../src/testing/runKmsModel.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { aroundKms, kmsMethodNames } from "../support/aroundKms.js";
import { wrapFor } from "../support/importMaterial.js";
import { sdkKms } from "../support/sdkKms.js";
import { differentialCredential, overHttp, startOverHttp } from "./support/overHttp.js";
import { recorded } from "./support/recordingKms.js";

// A tenth of the in-process model run's sequences (test/testing/runKmsModel.test.ts) per HTTP
// run: 100 by default, about 4 s each. KMS_MODEL_RUNS scales both, down to 50, so that every
// operation still occurs in a shortened run (CI's Node 24 pass sets KMS_MODEL_RUNS=200).
const sequences = Math.max(50, Math.round(Number(process.env["KMS_MODEL_RUNS"] ?? 1000) / 10));

// Both targets must see the same sequences, so both runs get one seed: FC_SEED's when set
// (CI), otherwise a random one, which failure messages name.
const seed = fc.readConfigureGlobal().seed ?? Date.now() ^ (Math.random() * 0x1_0000_0000);

const inProcess: KmsTarget = (environment) => createKms({ ...environment, crypto: testCrypto() });

describe("the model run through @aws-sdk/client-kms against the server, and in-process against createKms", () => {
  it(`agrees with the reference model on both targets, concurrent writes included, for the same seed (${sequences} sequences each)`, async () => {
    const remote = recorded(overHttp());
    await runKmsModel(inProcess, { numRuns: sequences, seed });
    await runKmsModel(remote.target, { numRuns: sequences, seed });
    expect(remote.sequences).toHaveLength(sequences);
    // No call-for-call comparison here: of two concurrent writes, which wins is up to each
    // target's scheduling (microtask interleaving with optimistic retries in-process, arrival
    // order on two sockets over HTTP), and the model accepts either order. So a Concurrently(
    // ScheduleKeyDeletion, CancelKeyDeletion) may cancel in one target and fail in the other,
    // and the sequences part from there on. The next test compares call for call without them.
    expect(operationsIn(remote.sequences)).toEqual(new Set(kmsMethodNames));
  }, 120_000);

  it(`answers every call as createKms does, call for call, when commands run one at a time (${sequences} sequences each)`, async () => {
    const local = recorded(inProcess);
    const remote = recorded(overHttp());
    const options = { numRuns: sequences, seed, concurrency: false };
    await runKmsModel(local.target, options);
    await runKmsModel(remote.target, options);
    // Key IDs, tokens and ciphertexts are random in each target; operations and outcomes
    // (ok, or the error name) are what must be the same.
    expect(remote.sequences, `seed ${seed}`).toEqual(local.sequences);
    expect(remote.sequences.flat().length).toBeGreaterThan(10 * sequences);
    expect(operationsIn(remote.sequences)).toEqual(new Set(kmsMethodNames));
  }, 120_000);

  it(`answers every call as createKms does in the current profile, call for call (${Math.ceil(sequences / 2)} sequences each)`, async () => {
    const local = recorded(inProcess);
    const remote = recorded(overHttp());
    const options = {
      numRuns: Math.ceil(sequences / 2),
      seed,
      concurrency: false,
      behaviour: "current",
    } as const;
    await runKmsModel(local.target, options);
    await runKmsModel(remote.target, options);
    expect(remote.sequences, `seed ${seed}`).toEqual(local.sequences);
    expect(remote.sequences.flat()).toContain("rotateKeyOnDemand: ok");
  }, 120_000);

  it("fails on a server that names one exception differently, so it can tell the two apart", async () => {
    const renamesDisabled = overHttp((kms) =>
      aroundKms(kms, (_operation, call) =>
        call().mapErr((error) =>
          error.name === "DisabledException"
            ? kmsError("KMSInvalidStateException", error.message)
            : error,
        ),
      ),
    );
    const failure = await runKmsModel(renamesDisabled, {
      numRuns: 200,
      seed,
      parameters: { endOnFailure: true },
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(KmsModelFailure);
    expect((failure as KmsModelFailure).message).toContain(
      "expected DisabledException, got KMSInvalidStateException",
    );
  }, 120_000);
});

describe("sdkKms", () => {
  it("gives every response member the JS type createKms gives: Date timestamps, Uint8Array blobs", async () => {
    const environment = modelEnvironment();
    const endpoint = await startOverHttp(environment);
    try {
      const { clock } = modelEnvironment();
      const local = await lifecycle(createKms({ clock, crypto: testCrypto() }), clock);
      const remote = await lifecycle(endpoint.kms, environment.clock);
      expect(remote.map(typesOf)).toStrictEqual(local.map(typesOf));
      const described = typesOf(remote.at(-1));
      expect(described).toMatchObject({
        KeyMetadata: { CreationDate: "Date", ValidTo: "Date", DeletionDate: "Date" },
      });
      expect(typesOf(remote[1])).toMatchObject({
        ImportToken: "Uint8Array",
        PublicKey: "Uint8Array",
        ParametersValidTo: "Date",
      });
    } finally {
      await endpoint.close();
    }
  });

  it("signs at the run's clock: the server's 15-minute date check stays on, and the clock's jumps pass it", async () => {
    const environment = modelEnvironment();
    const { clock } = environment;
    // A day away from real time, whatever the date today.
    clock.set(new Date(Math.max(clock.now().getTime(), Date.now()) + 86_400_000));
    const endpoint = await startOverHttp(environment);
    const realTime = new KMSClient({
      endpoint: endpoint.url,
      region: "us-east-1",
      credentials: differentialCredential,
      maxAttempts: 1,
    });
    try {
      const refused = await Promise.resolve(sdkKms(realTime).listKeys({})).catch(
        (error: unknown) => error,
      );
      expect((refused as Error).name).toBe("InvalidSignatureException");
      for (const days of [0, 3, 30]) {
        clock.advance({ days });
        // Twice: the SDK resets its clock offset from each response's (real-time) Date header.
        expect(await endpoint.kms.listKeys({})).toBeOk();
        expect(await endpoint.kms.listKeys({})).toBeOk();
      }
    } finally {
      realTime.destroy();
      await endpoint.close();
    }
  });
});

/** A fresh model environment in the default account and Region, on a manual clock. */
function modelEnvironment(): KmsModelEnvironment {
  return {
    clock: manualClock(new Date("2026-01-01T00:00:00.000Z")),
    accountId: "111122223333",
    region: "us-east-1",
    audit: { record: () => {} },
    behaviour: "classic",
    onDemandRotationLimit: 25,
  };
}

/**
 * Every response with a timestamp or a blob, ending with DescribeKey of a key that has expiring
 * material and a scheduled deletion (CreationDate, ValidTo and DeletionDate).
 */
async function lifecycle(kms: Kms, clock: ManualClock): Promise<unknown[]> {
  const created = (await kms.createKey({ Origin: "EXTERNAL" }))._unsafeUnwrap();
  const KeyId = created.KeyMetadata.KeyId;
  const {
    params: parameters,
    ImportToken,
    EncryptedKeyMaterial,
  } = await wrapFor(kms, KeyId, new Uint8Array(32).fill(7));
  const imported = (
    await kms.importKeyMaterial({
      KeyId,
      ImportToken,
      EncryptedKeyMaterial,
      ValidTo: daysAfter(clock.now(), 30),
    })
  )._unsafeUnwrap();
  const encrypted = (
    await kms.encrypt({ KeyId, Plaintext: new Uint8Array([1, 2, 3]) })
  )._unsafeUnwrap();
  const decrypted = (
    await kms.decrypt({ CiphertextBlob: encrypted.CiphertextBlob })
  )._unsafeUnwrap();
  const dataKey = (await kms.generateDataKey({ KeyId, NumberOfBytes: 32 }))._unsafeUnwrap();
  const scheduled = (await kms.scheduleKeyDeletion({ KeyId }))._unsafeUnwrap();
  const described = (await kms.describeKey({ KeyId }))._unsafeUnwrap();
  return [created, parameters, imported, encrypted, decrypted, dataKey, scheduled, described];
}

/**
 * The JS type of every member, at any depth: `Date`, `Uint8Array` (Node's `Buffer` is one too,
 * and createKms answers some blobs as Buffers), or else typeof.
 */
function typesOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(typesOf);
  if (value instanceof Date) return "Date";
  if (value instanceof Uint8Array) return "Uint8Array";
  if (value === null || typeof value !== "object") return typeof value;
  return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, typesOf(member)]));
}

/** The operations that occur in some recorded call. */
function operationsIn(recordings: readonly (readonly string[])[]): Set<string> {
  return new Set(recordings.flat().map((call) => call.slice(0, call.indexOf(":"))));
}
