import { err, type ResultAsync } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { KeyCommand } from "../domain/keyCommand.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import type { KmsError } from "../domain/kmsError.js";
import { sealedMaterialsLeavingUse } from "../domain/sealedMaterialsLeavingUse.js";
import { type Transition, transition } from "../domain/transition.js";
import type { AuditSink } from "../ports/auditSink.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";
import type { KeyStore } from "../ports/keyStore.js";
import { retryWriteConflicts } from "./retryWriteConflicts.js";

/** The ports a commit needs. */
export interface CommitPorts {
  readonly store: KeyStore;
  readonly audit: AuditSink;
  /** Told of materials a commit takes out of use, so it drops what it cached for them. */
  readonly crypto: Pick<CryptoProvider, "forgetMaterial">;
  readonly maxWriteAttempts: number;
}

/**
 * Load → prepare → transition → conditional save → audit, for one key at `now`.
 *
 * `prepare` turns the stored record into a command; it runs the domain's preconditions and the
 * command's cryptography, and runs again, on a fresh read, when a concurrent write wins the
 * compare-and-set. A transition that produced no events (a read with nothing derived) is not
 * written; one that did is written, so a write persists what a read derived (docs/decisions/0012-lazy-time-from-a-clock-port.md).
 * Materials that leave use (deleted, expired, the key scheduled for deletion or found gone) are
 * passed to the crypto provider's `forgetMaterial`.
 *
 * Errors: whatever `prepare` or the transition return; `KMSInternalException` when every
 * attempt lost to a concurrent write.
 */
export function commitKeyCommand(
  ports: CommitPorts,
  arn: KeyArn,
  now: Date,
  prepare: (stored: KeyRecord | undefined) => ResultAsync<KeyCommand, KmsError>,
): ResultAsync<Transition, KmsError> {
  return retryWriteConflicts(ports.maxWriteAttempts, arn, async () => {
    const stored = await ports.store.get(arn);
    if (stored.isErr()) return err(stored.error);
    const command = await prepare(stored.value?.record);
    if (command.isErr()) return err(command.error);
    const before = stored.value?.record;
    const next = transition(before, command.value, now);
    if (next.isErr()) {
      if (before !== undefined && next.error.name === "NotFoundException")
        forgetLeaving(ports, before, undefined);
      return next;
    }
    if (next.value.events.length === 0) return next;

    const written = await ports.store.put(
      next.value.key,
      stored.value?.version ?? 0,
      next.value.events,
    );
    if (written.isErr()) return err(written.error);
    for (const event of next.value.events) ports.audit.record(event);
    if (before !== undefined) forgetLeaving(ports, before, next.value.key);
    return next;
  });
}

/** Tells the crypto provider, if it listens, of the materials that `before` → `after` takes out of use. */
function forgetLeaving(ports: CommitPorts, before: KeyRecord, after: KeyRecord | undefined): void {
  if (ports.crypto.forgetMaterial === undefined) return;
  for (const sealed of sealedMaterialsLeavingUse(before, after))
    ports.crypto.forgetMaterial(sealed);
}
