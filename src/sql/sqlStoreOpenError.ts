/**
 * Why a SQL key store did not open; `message` says what to do about it.
 *
 * - `DriverMissing`: the engine's driver (`better-sqlite3`, `pg`) is not installed.
 * - `DatabaseUnreachable`: the database refused or did not answer.
 * - `SchemaTooNew`: a newer kms-byok wrote the database; it is left untouched.
 * - `DatabaseUnusable`: anything else, such as a file that is not a database.
 */
export interface SqlStoreOpenError {
  readonly name: "DriverMissing" | "DatabaseUnreachable" | "SchemaTooNew" | "DatabaseUnusable";
  readonly message: string;
}

/** Builds a {@link SqlStoreOpenError}. */
export function sqlStoreOpenError(
  name: SqlStoreOpenError["name"],
  message: string,
): SqlStoreOpenError {
  return Object.freeze({ name, message });
}

/** The message of a thrown value, for error texts. */
export function causeOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0)
    return error.errors.map(causeOf).join("; ");
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
