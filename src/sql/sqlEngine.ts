import type { ColumnDataType, Expression } from "kysely";

/** How a failure of the database counts for a request. */
export type SqlFailureKind =
  /** The database cannot be reached or is busy: retrying later may succeed (`DependencyTimeoutException`). */
  | "unavailable"
  /** A concurrent schema change or lock upgrade raced ours: retrying at once succeeds. */
  | "race"
  /** Anything else: a bug or a broken database (`KMSInternalException`). */
  | "internal";

/**
 * What differs between the SQL engines, in one place: the stores, migrations and queries are
 * otherwise the same Kysely code for every engine.
 */
export interface SqlEngine {
  /** "SQLite" or "PostgreSQL". */
  readonly name: string;
  /** Where the data lives, safe to print: a file path, or a URL without its password. */
  readonly location: string;
  /** A text column that orders by code point, as JavaScript compares strings. */
  readonly codePointText: ColumnDataType | Expression<unknown>;
  /** Sorts a thrown driver error into a {@link SqlFailureKind}. */
  kindOf(error: unknown): SqlFailureKind;
}
