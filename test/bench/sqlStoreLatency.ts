// Per-operation latency of the SQL store next to the bare driver running the very statements the
// store sends (caught from the driver as the store runs them), in the same run on the same data.
import { isDeepStrictEqual } from "node:util";
import type { ResultAsync } from "neverthrow";
import type { KeyArn, KeyScope } from "../../src/domain/keyArn.js";
import type { KeyEvent } from "../../src/domain/keyEvent.js";
import type { KeyRecord } from "../../src/domain/keyRecord.js";
import { encodeKeyEvent } from "../../src/sql/keyEventCodec.js";
import { encodeKeyRecord } from "../../src/sql/keyRecordCodec.js";
import type { Latency } from "./measure.js";
import { pairedLatency } from "./pairedLatency.js";
import type { BenchEngine, Statement } from "./sqlBenchEngines.js";

/** One row of the adapter-versus-bare table. */
export interface OperationLatency {
  readonly operation: string;
  /** How many statements the store sent for one call (a transaction counts begin and commit). */
  readonly statements: number;
  readonly adapter: Latency;
  readonly bare: Latency;
}

/** What the comparison runs on: keys already in the store, all of `scope`, at version 1 or more. */
export interface StoreFixture {
  readonly scope: KeyScope;
  /** The ARNs of the keys in the store, in ARN order. */
  readonly arns: readonly KeyArn[];
  /** The stored record of each key, by ARN. */
  record(arn: KeyArn): KeyRecord;
  /** Samples for a cell whose nominal count is `n` (BENCH_SCALE applied). */
  samplesOf(n: number): number;
}

/**
 * For each operation: the store call next to `engine.bare` running the statements the store sent
 * for that call, alternating. The bare side gets its parameters ready-made (records and events
 * already JSON): encoding and decoding count as the adapter's cost.
 */
export async function sqlStoreLatency(
  engine: BenchEngine,
  fixture: StoreFixture,
): Promise<OperationLatency[]> {
  const { store } = engine;
  const { arns, scope, samplesOf } = fixture;
  const rows: OperationLatency[] = [];
  const unwrap = async <T, E>(result: ResultAsync<T, E>) => (await result)._unsafeUnwrap();

  // The statement texts of each call, caught once, with parameters checked against the ones the
  // bare side builds for the same call.
  const caught = async (
    what: string,
    call: () => Promise<unknown>,
    expected: (sql: readonly string[]) => Statement[],
  ): Promise<string[]> => {
    const seen = await engine.trace(call);
    const sql = seen.map((statement) => statement.sql);
    if (!isDeepStrictEqual(seen, expected(sql)))
      throw new Error(
        `${engine.name} ${what}: the store sent ${JSON.stringify(seen)}, not what the bare side would run`,
      );
    return sql;
  };
  const compare = async (
    operation: string,
    samples: number,
    adapter: () => Promise<unknown>,
    bare: () => Promise<unknown>,
    statements: number,
  ) => {
    const { a, b } = await pairedLatency(samples, adapter, bare);
    rows.push({ operation, statements, adapter: a, bare: b });
  };

  // get: every key in turn, the same sequence on both sides.
  {
    const getOf = (sql: readonly string[], arn: KeyArn) => [
      { sql: sql[0] ?? "", parameters: [arn] },
    ];
    const first = arns[0] as KeyArn;
    const sql = await caught(
      "get",
      () => unwrap(store.get(first)),
      (s) => getOf(s, first),
    );
    let a = 0;
    let b = 0;
    await compare(
      "get",
      samplesOf(2000),
      () => unwrap(store.get(arns[a++ % arns.length] as KeyArn)),
      () => engine.bare(getOf(sql, arns[b++ % arns.length] as KeyArn)),
      sql.length,
    );
  }

  // put, compare-and-set update of one key, no events: both sides write the same row in turn,
  // each at the version the other left.
  {
    const arn = arns[Math.floor(arns.length / 3)] as KeyArn;
    const record = fixture.record(arn);
    const text = encodeKeyRecord(record);
    let version = (await unwrap(store.get(arn)))?.version ?? 0;
    const updateOf = (sql: readonly string[], from: number) => [
      { sql: sql[0] ?? "", parameters: [from + 1, null, text, arn, from] },
    ];
    const sql = await caught(
      "put",
      async () => {
        version = await unwrap(store.put(record, version));
      },
      (s) => updateOf(s, version - 1),
    );
    await compare(
      "put (compare-and-set update)",
      samplesOf(400),
      async () => {
        version = await unwrap(store.put(record, version));
      },
      async () => {
        await engine.bare(updateOf(sql, version));
        version += 1;
      },
      sql.length,
    );
    const stored = (await unwrap(store.get(arn)))?.version;
    if (stored !== version)
      throw new Error(`${engine.name} put: version ${stored}, not ${version}`);
  }

  // put with one event: a transaction (begin, update, insert the event, commit).
  {
    const arn = arns[Math.floor((2 * arns.length) / 3)] as KeyArn;
    const record = fixture.record(arn);
    const text = encodeKeyRecord(record);
    const event: KeyEvent = {
      eventName: "EnableKey",
      keyArn: arn,
      eventTime: new Date("2026-03-01T12:00:00.000Z"),
      keyState: "Enabled",
    };
    const eventText = encodeKeyEvent(event);
    let version = (await unwrap(store.get(arn)))?.version ?? 0;
    const transactionOf = (sql: readonly string[], from: number) => [
      { sql: sql[0] ?? "", parameters: [] },
      { sql: sql[1] ?? "", parameters: [from + 1, null, text, arn, from] },
      {
        sql: sql[2] ?? "",
        parameters: [arn, from + 1, 0, event.eventTime.toISOString(), eventText],
      },
      { sql: sql[3] ?? "", parameters: [] },
    ];
    const sql = await caught(
      "put with an event",
      async () => {
        version = await unwrap(store.put(record, version, [event]));
      },
      (s) => transactionOf(s, version - 1),
    );
    if (sql[0] !== "begin" || sql[3] !== "commit")
      throw new Error(`${engine.name} put with an event is not one transaction: ${sql.join("; ")}`);
    await compare(
      "put with one event (transaction)",
      samplesOf(400),
      async () => {
        version = await unwrap(store.put(record, version, [event]));
      },
      async () => {
        await engine.bare(transactionOf(sql, version));
        version += 1;
      },
      sql.length,
    );
    const stored = (await unwrap(store.get(arn)))?.version;
    if (stored !== version)
      throw new Error(`${engine.name} put with an event: version ${stored}, not ${version}`);
  }

  // list: the page of 100 after the middle key, through its marker.
  {
    const middle = Math.floor(arns.length / 2);
    const marker = await markerAfter(engine, scope, middle);
    const after = arns[middle - 1] as KeyArn;
    const listOf = (sql: readonly string[]) => [
      { sql: sql[0] ?? "", parameters: [scope.accountId, scope.region, after, 101] },
    ];
    const page = { limit: 100, marker };
    const sql = await caught("list", () => unwrap(store.list(scope, page)), listOf);
    await compare(
      "list (page of 100, by marker)",
      samplesOf(400),
      () => unwrap(store.list(scope, page)),
      () => engine.bare(listOf(sql)),
      sql.length,
    );
  }

  // removeDeletedKeys when no key is due: a transaction (begin, delete the aliases of due keys,
  // delete the due keys, commit).
  {
    const now = new Date();
    const removeOf = (sql: readonly string[]) =>
      sql.map((text) => ({
        sql: text,
        parameters: text === "begin" || text === "commit" ? [] : [now.toISOString()],
      }));
    const sql = await caught(
      "removeDeletedKeys",
      async () => {
        const removed = await unwrap(store.removeDeletedKeys(now));
        if (removed !== 0) throw new Error(`removeDeletedKeys removed ${removed} keys`);
      },
      removeOf,
    );
    await compare(
      "removeDeletedKeys (none due)",
      samplesOf(1000),
      () => unwrap(store.removeDeletedKeys(now)),
      () => engine.bare(removeOf(sql)),
      sql.length,
    );
  }
  return rows;
}

/**
 * The marker of the page that ends with key number `count` of `scope` (in ARN order), found by
 * listing pages of 1,000 and a last, shorter one.
 */
export async function markerAfter(
  engine: BenchEngine,
  scope: KeyScope,
  count: number,
): Promise<string> {
  let marker: string | undefined;
  for (let listed = 0; listed < count; ) {
    const limit = Math.min(1000, count - listed);
    const page = (
      await engine.store.list(scope, marker === undefined ? { limit } : { limit, marker })
    )._unsafeUnwrap();
    if (page.nextMarker === undefined)
      throw new Error(`${engine.name} has fewer than ${count} keys`);
    marker = page.nextMarker;
    listed += page.records.length;
  }
  if (marker === undefined) throw new Error("markerAfter needs a count of 1 or more");
  return marker;
}
