import type { KeyEvent } from "../domain/keyEvent.js";

/**
 * Receives the events of every committed transition, in order, after the write succeeded
 * (like CloudTrail: operation, key, time, resulting state; never material or tokens).
 */
export interface AuditSink {
  /** Takes one event of a committed transition. */
  record(event: KeyEvent): void;
}
