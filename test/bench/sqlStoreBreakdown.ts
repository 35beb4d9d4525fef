// Where the SQL store's time goes on a read: the same read built up step by step, from the bare
// statement to the store call, each step timed in the same rounds as the others.
import type { KeyArn, KeyScope } from "../../src/domain/keyArn.js";
import { decodeKeyRecord } from "../../src/sql/keyRecordCodec.js";
import type { Latency } from "./measure.js";
import { interleavedLatency } from "./pairedLatency.js";
import type { BenchEngine } from "./sqlBenchEngines.js";
import { markerAfter } from "./sqlStoreLatency.js";

/** The steps of one read, each including the ones before it but "decode alone". */
export interface ReadBreakdown {
  readonly operation: string;
  /** The driver running the statement. */
  readonly bare: Latency;
  /** Kysely running the statement compiled once (`executeQuery`): its driver layer. */
  readonly compiledOnce: Latency;
  /** Kysely building and compiling the query per call, as the store does. */
  readonly builtPerCall: Latency;
  /** That and `decodeKeyRecord` of the rows: the store's work without its `ResultAsync`. */
  readonly withDecode: Latency;
  /** The store call. */
  readonly store: Latency;
  /** `decodeKeyRecord` of the rows alone, without the database. */
  readonly decodeAlone: Latency;
}

/**
 * The breakdown of `get` (one key) and `list` (the page of 100 after the middle key) on
 * `engine`, whose store holds `arns` (in ARN order) of `scope`. The queries are built as
 * `sqlKeyStore` builds them, and checked to compile to the statement the store sends.
 */
export async function readBreakdown(
  engine: BenchEngine,
  scope: KeyScope,
  arns: readonly KeyArn[],
  samples: { get: number; list: number },
): Promise<ReadBreakdown[]> {
  const { kysely: db, store } = engine;
  const sameAsStore = async (what: string, sql: string, call: () => Promise<unknown>) => {
    const sent = (await engine.trace(call)).map((statement) => statement.sql);
    if (sent.length !== 1 || sent[0] !== sql)
      throw new Error(`${engine.name} ${what}: the store sent ${sent.join("; ")}, not ${sql}`);
  };
  const breakdown = async (
    operation: string,
    n: number,
    runs: Record<Exclude<keyof ReadBreakdown, "operation">, () => unknown>,
  ): Promise<ReadBreakdown> => {
    const names = Object.keys(runs) as (keyof typeof runs)[];
    const latencies = await interleavedLatency(
      n,
      names.map((name) => runs[name]),
    );
    return Object.fromEntries([
      ["operation", operation],
      ...names.map((name, i) => [name, latencies[i]]),
    ]) as ReadBreakdown;
  };

  const arn = arns[Math.floor(arns.length / 4)] as KeyArn;
  const getQuery = () =>
    db.selectFrom("kms_keys").select(["version", "record"]).where("arn", "=", arn);
  const getCompiled = getQuery().compile();
  await sameAsStore("get", getCompiled.sql, async () => (await store.get(arn))._unsafeUnwrap());
  const getText = (await getQuery().executeTakeFirstOrThrow()).record;
  const get = await breakdown("get", samples.get, {
    bare: () => engine.bare([{ sql: getCompiled.sql, parameters: [arn] }]),
    compiledOnce: () => db.executeQuery(getCompiled),
    builtPerCall: () => getQuery().executeTakeFirst(),
    withDecode: async () => {
      const row = await getQuery().executeTakeFirst();
      return row === undefined ? undefined : decodeKeyRecord(row.record, arn)._unsafeUnwrap();
    },
    store: async () => (await store.get(arn))._unsafeUnwrap(),
    decodeAlone: () => decodeKeyRecord(getText, arn)._unsafeUnwrap(),
  });

  const middle = Math.floor(arns.length / 2);
  const marker = await markerAfter(engine, scope, middle);
  const after = arns[middle - 1] as KeyArn;
  const listQuery = () =>
    db
      .selectFrom("kms_keys")
      .select(["arn", "record"])
      .where("account_id", "=", scope.accountId)
      .where("region", "=", scope.region)
      .where("arn", ">", after)
      .orderBy("arn")
      .limit(101);
  const listCompiled = listQuery().compile();
  const page = { limit: 100, marker };
  await sameAsStore("list", listCompiled.sql, async () =>
    (await store.list(scope, page))._unsafeUnwrap(),
  );
  const decodePage = (rows: readonly { arn: string; record: string }[]) =>
    rows.slice(0, 100).map((row) => decodeKeyRecord(row.record, row.arn as KeyArn)._unsafeUnwrap());
  const pageRows = await listQuery().execute();
  const list = await breakdown("list (page of 100)", samples.list, {
    bare: () => engine.bare([{ sql: listCompiled.sql, parameters: listCompiled.parameters }]),
    compiledOnce: () => db.executeQuery(listCompiled),
    builtPerCall: () => listQuery().execute(),
    withDecode: async () => decodePage(await listQuery().execute()),
    store: async () => (await store.list(scope, page))._unsafeUnwrap(),
    decodeAlone: () => decodePage(pageRows),
  });
  return [get, list];
}
