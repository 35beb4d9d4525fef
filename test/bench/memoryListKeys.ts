import { memoryKeyStore } from "../../src/adapters/memoryKeyStore.js";
import { createKms } from "../../src/service/createKms.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { importedKeyRecord, keyRecordNumber } from "./benchKeyRecords.js";
import { type Latency, sampleLatency } from "./measure.js";

/** ListKeys over `memoryKeyStore` at one store size. */
export interface MemoryListKeysRow {
  readonly keys: number;
  /** One page of 100 from the middle of the keys. */
  readonly page: Latency;
  /** Every key, page after page of 100, in milliseconds. */
  readonly allPagesMs: number;
  readonly pages: number;
}

/**
 * ListKeys with Limit 100 through `createKms` over a `memoryKeyStore` of `keys` imported keys
 * (written through the store's `put`, in random order): one page, and paging through them all.
 * Throws when the pages do not list every key exactly once.
 */
export async function memoryListKeys(keys: number, samples: number): Promise<MemoryListKeysRow> {
  const store = memoryKeyStore();
  const template = await importedKeyRecord();
  const numbers = Array.from({ length: keys }, (_, n) => n).sort(() => Math.random() - 0.5);
  for (const n of numbers) (await store.put(keyRecordNumber(template, n), 0))._unsafeUnwrap();
  const kms = createKms({ store, crypto: testCrypto() });

  let middle: string | undefined;
  for (let skipped = 0; skipped < keys / 2; skipped += 1000) {
    const request = middle === undefined ? { Limit: 1000 } : { Limit: 1000, Marker: middle };
    middle = (await kms.listKeys(request))._unsafeUnwrap().NextMarker;
  }
  const pageRequest = middle === undefined ? { Limit: 100 } : { Limit: 100, Marker: middle };
  const page = await sampleLatency(samples, async () =>
    (await kms.listKeys(pageRequest))._unsafeUnwrap(),
  );

  const start = performance.now();
  const listed = new Set<string>();
  let marker: string | undefined;
  let pages = 0;
  do {
    const { Keys = [], NextMarker } = (
      await kms.listKeys(marker === undefined ? { Limit: 100 } : { Limit: 100, Marker: marker })
    )._unsafeUnwrap();
    for (const { KeyArn = "" } of Keys) listed.add(KeyArn);
    marker = NextMarker;
    pages++;
  } while (marker !== undefined && pages <= keys);
  const allPagesMs = performance.now() - start;
  if (listed.size !== keys) throw new Error(`paging listed ${listed.size} of ${keys} keys`);
  return { keys, page, allPagesMs, pages };
}
