import { randomBytes } from "node:crypto";
import type { Kysely, Migration } from "kysely";
import type { SqlEngine } from "./sqlEngine.js";

/** The name under which `kms_meta` keeps the secret that tags page markers. */
export const markerSecretName = "page-marker-secret";

/**
 * The schema migrations, oldest first; a name's leading number is the schema version it
 * brings. Migrations only ever get added: a released one never changes.
 */
export function kmsMigrations(engine: SqlEngine): Readonly<Record<string, Migration>> {
  const text = engine.codePointText;
  return {
    "0001_keys_events_meta": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("kms_keys")
          .addColumn("arn", text, (c) => c.primaryKey())
          .addColumn("account_id", text, (c) => c.notNull())
          .addColumn("region", text, (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("deletion_date", text)
          .addColumn("record", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("kms_keys_by_scope")
          .on("kms_keys")
          .columns(["account_id", "region", "arn"])
          .execute();
        await db.schema
          .createIndex("kms_keys_by_deletion_date")
          .on("kms_keys")
          .column("deletion_date")
          .execute();
        await db.schema
          .createTable("kms_events")
          .addColumn("key_arn", text, (c) => c.notNull())
          .addColumn("key_version", "integer", (c) => c.notNull())
          .addColumn("ordinal", "integer", (c) => c.notNull())
          .addColumn("event_time", text, (c) => c.notNull())
          .addColumn("event", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("kms_events_key", ["key_arn", "key_version", "ordinal"])
          .execute();
        await db.schema
          .createIndex("kms_events_by_time")
          .on("kms_events")
          .columns(["event_time", "key_arn", "key_version", "ordinal"])
          .execute();
        await db.schema
          .createTable("kms_meta")
          .addColumn("name", text, (c) => c.primaryKey())
          .addColumn("value", "text", (c) => c.notNull())
          .execute();
        await (db as Kysely<{ kms_meta: { name: string; value: string } }>)
          .insertInto("kms_meta")
          .values({ name: markerSecretName, value: randomBytes(32).toString("base64") })
          .execute();
      },
    },
    "0002_aliases": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("kms_aliases")
          .addColumn("account_id", text, (c) => c.notNull())
          .addColumn("region", text, (c) => c.notNull())
          .addColumn("alias_name", text, (c) => c.notNull())
          .addColumn("target_key_arn", text, (c) => c.notNull())
          .addColumn("version", "integer", (c) => c.notNull())
          .addColumn("creation_date", "text", (c) => c.notNull())
          .addColumn("last_updated_date", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("kms_aliases_name", ["account_id", "region", "alias_name"])
          .execute();
        await db.schema
          .createIndex("kms_aliases_by_target")
          .on("kms_aliases")
          .columns(["account_id", "region", "target_key_arn"])
          .execute();
      },
    },
    "0003_scopes": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("kms_scopes")
          .addColumn("account_id", text, (c) => c.notNull())
          .addColumn("region", text, (c) => c.notNull())
          .addColumn("behaviour", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("kms_scopes_scope", ["account_id", "region"])
          .execute();
      },
    },
  };
}
