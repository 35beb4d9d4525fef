import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import type { AuditSink } from "../ports/auditSink.js";
import type { Clock } from "../ports/clock.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";
import type { IdGenerator } from "../ports/idGenerator.js";
import type { KeyStore } from "../ports/keyStore.js";

/** Options of `createKms`; every port has a default. */
export interface KmsOptions {
  /** The 12-digit account that owns the keys; `111122223333` when absent. */
  readonly accountId?: string;
  /** The Region of the keys; `us-east-1` when absent. */
  readonly region?: string;
  /**
   * Which AWS KMS to behave like (docs/decisions/0029-behaviour-profiles.md); `classic` when
   * absent. The store keeps the profile an account and Region was first used with: a `Kms` of
   * another profile over the same store, account and Region answers every call with
   * `KMSInternalException` and changes nothing.
   */
  readonly behaviour?: BehaviourProfile;
  /** Where keys are stored; `memoryKeyStore()` when absent. */
  readonly store?: KeyStore;
  /** The cryptography; `nodeCrypto()` when absent. */
  readonly crypto?: CryptoProvider;
  /** The time; `systemClock()` when absent. */
  readonly clock?: Clock;
  /** New key and parameter set IDs; random UUIDs when absent. */
  readonly ids?: IdGenerator;
  /** Receives every committed event; none when absent. */
  readonly audit?: AuditSink;
  /**
   * How many on-demand rotations (RotateKeyOnDemand) a key may have; 25 when absent, AWS's
   * documented limit since February 2026 (it was 10).
   */
  readonly onDemandRotationLimit?: number;
  /** How often an operation is tried when concurrent writes conflict; 5 when absent. */
  readonly maxWriteAttempts?: number;
}
