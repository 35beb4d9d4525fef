/** One row of `kms_keys`: a key record and its compare-and-set version. */
export interface KeysTable {
  /** Primary key; ordered by code point ("C" collation), as JavaScript orders strings. */
  readonly arn: string;
  readonly account_id: string;
  readonly region: string;
  version: number;
  /** ISO-8601, set exactly when the key is `PendingDeletion`, for removing due keys. */
  deletion_date: string | null;
  /** The record as `encodeKeyRecord` writes it: only sealed secrets. */
  record: string;
}

/** One row of `kms_events`: an audit event, written in the transaction of its key's write. */
export interface EventsTable {
  readonly key_arn: string;
  /** The key version the write that caused the event created. */
  readonly key_version: number;
  /** The event's place among the events of that write. */
  readonly ordinal: number;
  /** ISO-8601. */
  readonly event_time: string;
  /** The event as `encodeKeyEvent` writes it. */
  readonly event: string;
}

/**
 * One row of `kms_aliases` (migration 0002): an alias, by account, Region and name, and its
 * compare-and-set version.
 */
export interface AliasesTable {
  /** With `region` and `alias_name`, the primary key; ordered by code point ("C" collation). */
  readonly account_id: string;
  readonly region: string;
  /** `alias/…`; pages of aliases are in this order. */
  readonly alias_name: string;
  /** The ARN of the key the alias points at, to find the aliases of a key. */
  target_key_arn: string;
  version: number;
  /** ISO-8601. */
  creation_date: string;
  /** ISO-8601. */
  last_updated_date: string;
}

/**
 * One row of `kms_scopes` (migration 0003): the behaviour profile an account and Region was
 * first used with; it never changes.
 */
export interface ScopesTable {
  /** With `region`, the primary key. */
  readonly account_id: string;
  readonly region: string;
  /** `classic` or `current`. */
  readonly behaviour: string;
}

/** One row of `kms_meta`: a setting of the database itself, such as the page marker secret. */
export interface MetaTable {
  readonly name: string;
  readonly value: string;
}

/** The tables of a kms-byok SQL database, for Kysely. */
export interface KmsDatabase {
  kms_keys: KeysTable;
  kms_events: EventsTable;
  kms_aliases: AliasesTable;
  kms_scopes: ScopesTable;
  kms_meta: MetaTable;
}
