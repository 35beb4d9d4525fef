import type { ResultAsync } from "neverthrow";
import type { AliasArn, AliasName, AliasRecord } from "../domain/aliasRecord.js";
import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import type { KeyArn, KeyScope } from "../domain/keyArn.js";
import type { KeyEvent } from "../domain/keyEvent.js";
import type { KeyId } from "../domain/keyId.js";
import type { KeyRecord } from "../domain/keyRecord.js";
import type { KmsError } from "../domain/kmsError.js";

/** A stored key and the version it was stored at; every write names the version it read. */
export interface StoredKey {
  readonly record: KeyRecord;
  readonly version: number;
}

/** A stored alias and the version it was stored at; every write names the version it read. */
export interface StoredAlias {
  readonly alias: AliasRecord;
  readonly version: number;
}

/** A compare-and-set write lost: the stored version was not the one the writer read. */
export interface WriteConflict {
  readonly name: "WriteConflict";
  /** The key, or the alias, whose write lost. */
  readonly arn: KeyArn | AliasArn;
}

/** One page of keys in ARN order, and the marker of the next page while more follow. */
export interface KeyPage {
  readonly records: readonly KeyRecord[];
  /**
   * Keys of this page whose stored records do not decode (a store that can hold such): they
   * exist but cannot be read, so ListKeys still lists them while every other operation on them
   * fails. They count towards the limit and sort among `records` by ARN.
   */
  readonly unreadable?: readonly KeyArn[];
  readonly nextMarker?: string;
}

/** Which page {@link KeyStore.list} should return. */
export interface PageRequest {
  readonly limit: number;
  readonly marker?: string;
}

/** Which page {@link KeyStore.listAliases} should return. */
export interface AliasPageRequest extends PageRequest {
  /** Only the aliases of this key; every alias of the scope when absent. */
  readonly targetKeyId?: KeyId;
}

/** One page of aliases in name order, and the marker of the next page while more follow. */
export interface AliasPage {
  readonly aliases: readonly AliasRecord[];
  readonly nextMarker?: string;
}

/**
 * Where key records live. Every write is conditional (compare-and-set on `version`), so the
 * same contract maps onto a database row version, a DynamoDB conditional write or a file.
 * A store holds only what the crypto provider sealed: never plaintext material or private keys.
 * Records handed in or out must not be shared with the store's own state.
 *
 * `kms-byok/testing`'s `keyStoreContract` checks every rule of this port against an adapter.
 */
export interface KeyStore {
  /** The key stored under `arn`, or `undefined`. */
  get(arn: KeyArn): ResultAsync<StoredKey | undefined, KmsError>;
  /**
   * Stores `record` if the stored version is `expectedVersion` (`0`: no record yet) and
   * returns the new version; otherwise `WriteConflict` and nothing changes.
   *
   * `events` are the audit events of the transition that produced `record`. A store that keeps
   * an audit trail writes them in the same transaction as the record, so an event is durable
   * exactly when its transition is; a store without a trail ignores them.
   */
  put(
    record: KeyRecord,
    expectedVersion: number,
    events?: readonly KeyEvent[],
  ): ResultAsync<number, WriteConflict | KmsError>;
  /**
   * A page of the keys of one account and Region, in ARN order.
   *
   * Errors: `InvalidMarkerException` for a marker this store did not hand out.
   */
  list(scope: KeyScope, page: PageRequest): ResultAsync<KeyPage, KmsError>;
  /**
   * Removes for good every key, of any account and Region, that is `PendingDeletion` with a
   * deletion date at or before `now`, with the aliases that point at it, and returns how many
   * keys it removed. Such a key no longer exists for the service (docs/decisions/0013-deletion-window.md), so removing it changes no answer; markers handed out before
   * stay valid.
   */
  removeDeletedKeys(now: Date): ResultAsync<number, KmsError>;
  /** The alias `aliasName` of `scope`, or `undefined`. */
  getAlias(scope: KeyScope, aliasName: AliasName): ResultAsync<StoredAlias | undefined, KmsError>;
  /**
   * Stores `alias` if the stored version of its name is `expectedVersion` (`0`: no alias of
   * that name yet) and returns the new version; otherwise `WriteConflict` and nothing changes.
   * Two writers that both read "no alias" cannot both create it.
   */
  putAlias(
    alias: AliasRecord,
    expectedVersion: number,
  ): ResultAsync<number, WriteConflict | KmsError>;
  /** Removes the alias if its stored version is `expectedVersion`; otherwise `WriteConflict`. */
  deleteAlias(
    scope: KeyScope,
    aliasName: AliasName,
    expectedVersion: number,
  ): ResultAsync<void, WriteConflict | KmsError>;
  /**
   * A page of the aliases of one account and Region, in alias name order, leaving out those
   * whose key is `PendingDeletion` with a deletion date at or before `now` (the key and its
   * aliases no longer exist for the service, docs/decisions/0013-deletion-window.md).
   *
   * Errors: `InvalidMarkerException` for a marker this store did not hand out.
   */
  listAliases(scope: KeyScope, page: AliasPageRequest, now: Date): ResultAsync<AliasPage, KmsError>;
  /**
   * The behaviour profile of `scope` (docs/decisions/0029-behaviour-profiles.md): the one stored
   * for it, or else `proposed`, stored now. Storing is conditional, so of two callers that
   * propose different profiles for a new scope both get the one that was stored first. A stored
   * profile never changes.
   */
  claimBehaviour(
    scope: KeyScope,
    proposed: BehaviourProfile,
  ): ResultAsync<BehaviourProfile, KmsError>;
}
