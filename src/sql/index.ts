export { checkRootKey, type RootKeyMismatch } from "./checkRootKey.js";
export { type CopiedKeys, copyKeys, type TargetNotEmpty } from "./copyKeys.js";
export { openPostgresKeyStore, type PostgresKeyStoreOptions } from "./openPostgresKeyStore.js";
export { openSqliteKeyStore, type SqliteKeyStoreOptions } from "./openSqliteKeyStore.js";
export { redactDatabaseUrl } from "./redactDatabaseUrl.js";
export type { EventQuery, SqlKeyStore } from "./sqlKeyStore.js";
export type { SqlStoreOpenError } from "./sqlStoreOpenError.js";
