import { existsSync } from "node:fs";
import { keyIdOf } from "../domain/keyArn.js";
import type { KeyEvent } from "../domain/keyEvent.js";
import { openPostgresKeyStore } from "../sql/openPostgresKeyStore.js";
import { openSqliteKeyStore } from "../sql/openSqliteKeyStore.js";
import type { CliIo } from "./cliIo.js";
import { parseCommandArgs } from "./parseCommandArgs.js";
import { sqlitePathIn } from "./serveStore.js";
import { usageError } from "./usageError.js";
import { usageTexts } from "./usageTexts.js";

const options = {
  data: { type: "string" },
  database: { type: "string" },
  "key-id": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * `kms-byok events`: prints the audit trail a durable store kept (`--data DIR` or
 * `--database URL`), oldest first, one event a line; `--key-id` keeps one key's events, `--json`
 * prints JSON lines. Needs no root key: events hold no secrets. Returns 0, or 2 for bad
 * options or a store that cannot be opened.
 */
export async function eventsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, options);
  if (parsed.isErr()) return usageError(io, "events", parsed.error);
  const { data, database, "key-id": keyId, json = false, help = false } = parsed.value;
  if (help) {
    io.stdout(usageTexts.events);
    return 0;
  }
  if ((data === undefined) === (database === undefined))
    return usageError(io, "events", "give the store of the server: --data DIR or --database URL");
  if (data !== undefined && !existsSync(sqlitePathIn(data))) {
    io.stderr(
      `kms-byok events: ${sqlitePathIn(data)} does not exist: no server kept keys in ${data}\n`,
    );
    return 2;
  }
  const opened =
    data !== undefined
      ? await openSqliteKeyStore({ path: sqlitePathIn(data) })
      : await openPostgresKeyStore({ url: database ?? "" });
  if (opened.isErr()) {
    io.stderr(`kms-byok events: cannot open the key store: ${opened.error.message}\n`);
    return 2;
  }
  const store = opened.value;
  try {
    const events = await store.events();
    if (events.isErr()) {
      io.stderr(`kms-byok events: ${events.error.name}: ${events.error.message}\n`);
      return 1;
    }
    for (const event of events.value) {
      if (keyId !== undefined && event.keyArn !== keyId && keyIdOf(event.keyArn) !== keyId)
        continue;
      io.stdout(json ? `${JSON.stringify(event)}\n` : eventLine(event));
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** One event as a line: time, operation, key state, key ARN and material ID. */
function eventLine(event: KeyEvent): string {
  const material = event.keyMaterialId === undefined ? "" : `  material ${event.keyMaterialId}`;
  return `${event.eventTime.toISOString()}  ${event.eventName.padEnd(26)}${event.keyState.padEnd(16)}${event.keyArn}${material}\n`;
}
