// The SQL store's part of `npm run bench`: for SQLite and PostgreSQL, a store of 1,000 keys
// (written through the store) and one of 100,000 (inserted directly), then the measurements.
import type { KeyArn, KeyScope } from "../../src/domain/keyArn.js";
import type { KeyId } from "../../src/domain/keyId.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import { importedKeyRecord, keyRecordNumber, keysRow } from "./benchKeyRecords.js";
import {
  type BenchEngine,
  benchPostgresServer,
  postgresBenchEngine,
  sqliteBenchEngine,
} from "./sqlBenchEngines.js";
import { type ScaleLatency, sqlScaleLatency } from "./sqlScaleLatency.js";
import { type ReadBreakdown, readBreakdown } from "./sqlStoreBreakdown.js";
import { type OperationLatency, sqlStoreLatency } from "./sqlStoreLatency.js";

/** Keys in the small store, on which the per-operation comparison runs. */
export const smallStoreKeys = 1_000;
/** Keys in the large store. */
export const largeStoreKeys = 100_000;

/** What the SQL bench measured on one engine. */
export interface EngineResults {
  readonly engine: string;
  readonly where: string;
  /** Filling the small store through `put` (one transaction per key). */
  readonly putFill: { readonly keys: number; readonly ms: number };
  /** Filling the large store with the bare driver, in one transaction. */
  readonly bulkFill: { readonly keys: number; readonly ms: number };
  readonly operations: readonly OperationLatency[];
  readonly breakdown: readonly ReadBreakdown[];
  readonly scale: readonly ScaleLatency[];
}

/** Each engine's results, and why an engine was not measured. */
export interface SqlBenchResults {
  readonly engines: readonly EngineResults[];
  readonly skipped: readonly string[];
}

/** Runs the SQL bench; `samplesOf(n)` scales a nominal sample count (BENCH_SCALE). */
export async function sqlBench(samplesOf: (n: number) => number): Promise<SqlBenchResults> {
  const template = await importedKeyRecord();
  const scope: KeyScope = { accountId: template.accountId, region: template.region };
  const engines: EngineResults[] = [];
  const skipped: string[] = [];

  engines.push(await onEngine(sqliteBenchEngine, template, scope, samplesOf));
  const server = await benchPostgresServer();
  if (server === undefined)
    skipped.push(
      "PostgreSQL: no server (set KMS_BYOK_BENCH_POSTGRES_URL or install PostgreSQL's binaries)",
    );
  else {
    try {
      const open = () => postgresBenchEngine(server);
      engines.push(await onEngine(open, template, scope, samplesOf));
    } finally {
      await server.stop();
    }
  }
  return { engines, skipped };
}

async function onEngine(
  open: () => Promise<BenchEngine>,
  template: KeyRecord,
  scope: KeyScope,
  samplesOf: (n: number) => number,
): Promise<EngineResults> {
  const opened: BenchEngine[] = [];
  try {
    const small = await open();
    opened.push(small);
    const large = await open();
    opened.push(large);

    const records = new Map<KeyArn, KeyRecord>();
    const smallIds: KeyId[] = [];
    let start = performance.now();
    for (let n = 0; n < smallStoreKeys; n++) {
      const record = keyRecordNumber(template, n);
      (await small.store.put(record, 0))._unsafeUnwrap();
      records.set(record.arn, record);
      smallIds.push(record.keyId);
    }
    const putFill = { keys: smallStoreKeys, ms: performance.now() - start };

    const largeIds: KeyId[] = [];
    const rows = Array.from({ length: largeStoreKeys }, (_, n) => {
      const record = keyRecordNumber(template, n);
      largeIds.push(record.keyId);
      return keysRow(record);
    });
    start = performance.now();
    await large.insertRows(rows);
    const bulkFill = { keys: largeStoreKeys, ms: performance.now() - start };

    const arns = [...records.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const operations = await sqlStoreLatency(small, {
      scope,
      arns,
      record: (arn) => records.get(arn) ?? template,
      samplesOf,
    });
    const breakdown = await readBreakdown(small, scope, arns, {
      get: samplesOf(1000),
      list: samplesOf(200),
    });
    const scale = await sqlScaleLatency(
      scope,
      { engine: small, keyIds: smallIds },
      { engine: large, keyIds: largeIds },
      { describe: samplesOf(1000), list: samplesOf(300) },
    );
    return {
      engine: small.name,
      where: small.where,
      putFill,
      bulkFill,
      operations,
      breakdown,
      scale,
    };
  } finally {
    for (const engine of opened) await engine.close();
  }
}
