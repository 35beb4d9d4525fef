// DescribeKey and a ListKeys page through `createKms` on a small and a large SQL store of one
// engine, alternately in the same run: flat means the size of the table does not show.
import type { KeyScope } from "../../src/domain/keyArn.js";
import type { KeyId } from "../../src/domain/keyId.js";
import { createKms } from "../../src/service/createKms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import type { Latency } from "./measure.js";
import { pairedLatency } from "./pairedLatency.js";
import type { BenchEngine } from "./sqlBenchEngines.js";
import { markerAfter } from "./sqlStoreLatency.js";

/** A store of the scale bench and the key IDs it holds (all of one scope). */
export interface SizedStore {
  readonly engine: BenchEngine;
  readonly keyIds: readonly KeyId[];
}

/** One operation at both sizes. */
export interface ScaleLatency {
  readonly operation: string;
  readonly small: Latency;
  readonly large: Latency;
}

/**
 * DescribeKey of a key drawn at random from all of the store's keys, and ListKeys (Limit 100)
 * of the page after the middle key, through its marker; on `small` and `large` alternately.
 */
export async function sqlScaleLatency(
  scope: KeyScope,
  small: SizedStore,
  large: SizedStore,
  samples: { describe: number; list: number },
): Promise<ScaleLatency[]> {
  const kmsOf = ({ engine }: SizedStore) =>
    createKms({ store: engine.store, crypto: testCrypto(), ...scope });
  const kmsSmall = kmsOf(small);
  const kmsLarge = kmsOf(large);

  const describe =
    (kms: typeof kmsSmall, { keyIds }: SizedStore) =>
    async () => {
      const KeyId = keyIds[Math.floor(Math.random() * keyIds.length)] as KeyId;
      const { KeyMetadata } = (await kms.describeKey({ KeyId }))._unsafeUnwrap();
      if (KeyMetadata.KeyState !== "Enabled")
        throw new Error(`${KeyId} is ${KeyMetadata.KeyState}`);
    };
  const describeKey = await pairedLatency(
    samples.describe,
    describe(kmsSmall, small),
    describe(kmsLarge, large),
  );

  const list = async (kms: typeof kmsSmall, { engine, keyIds }: SizedStore) => {
    const Marker = await markerAfter(engine, scope, Math.floor(keyIds.length / 2));
    return async () => {
      const { Keys, Truncated } = (await kms.listKeys({ Limit: 100, Marker }))._unsafeUnwrap();
      if (Keys.length !== 100 || !Truncated) throw new Error(`a page of ${Keys.length} keys`);
    };
  };
  const listKeys = await pairedLatency(
    samples.list,
    await list(kmsSmall, small),
    await list(kmsLarge, large),
  );
  return [
    { operation: "DescribeKey (random key)", small: describeKey.a, large: describeKey.b },
    { operation: "ListKeys (Limit 100, middle page)", small: listKeys.a, large: listKeys.b },
  ];
}
