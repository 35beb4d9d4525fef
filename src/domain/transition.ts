import { err, ok, type Result } from "neverthrow";
import { checkImportedMaterial } from "./checkImportedMaterial.js";
import { currentKey } from "./currentKey.js";
import { daysAfter } from "./daysAfter.js";
import {
  findParameterSet,
  maxParameterSetsPerKey,
  requireExternalOrigin,
  requireImportable,
} from "./importPreconditions.js";
import type { KeyCommand } from "./keyCommand.js";
import type { KeyEvent } from "./keyEvent.js";
import type { KeyMaterialId } from "./keyMaterialId.js";
import type { KeyMaterial, KeyRecord } from "./keyRecord.js";
import { requireRotatable } from "./keyRotationPreconditions.js";
import { withoutTags, withTags } from "./keyTags.js";
import { type KmsError, kmsError } from "./kmsError.js";
import {
  deleteOneMaterial,
  importRotatableMaterial,
  rotateKeyMaterial,
} from "./materialRotation.js";
import { observeKey } from "./observeKey.js";
import { pendingDeletion, pendingImport } from "./requireEnabledKey.js";

/** The outcome of a successful transition: the key to store and the events to audit. */
export interface Transition {
  readonly key: KeyRecord;
  readonly events: readonly KeyEvent[];
}

/**
 * The key lifecycle: applies `command` to the stored key (`undefined` when there is none) at
 * `now`. Pure: no I/O, no clock, no randomness. Lazy expiry and deletion (docs/decisions/0012-lazy-time-from-a-clock-port.md) are applied
 * first, so the events may start with a `DeleteExpiredKeyMaterial`.
 *
 * Errors: `NotFoundException` when the key does not exist (or its deletion date has passed),
 * and per command the errors of docs/decisions/0001-symmetric-keys-only.md–docs/decisions/0014-key-state-errors.md: `UnsupportedOperationException`,
 * `KMSInvalidStateException`, `InvalidImportTokenException`, `ExpiredImportTokenException`,
 * `IncorrectKeyMaterialException`.
 *
 * @example
 * ```ts
 * const r = transition(stored, { type: "EnableKey", arn }, clock.now());
 * if (r.isOk()) await store.put(r.value.key, version);
 * ```
 */
export function transition(
  stored: KeyRecord | undefined,
  command: KeyCommand,
  now: Date,
): Result<Transition, KmsError> {
  if (command.type === "CreateKey") {
    if (stored !== undefined) {
      return err(kmsError("KMSInternalException", `Key ID ${command.keyId} is already in use.`));
    }
    return ok(createKey(command, now));
  }
  const observed = stored === undefined ? undefined : observeKey(stored, now);
  return currentKey(observed?.key, command.arn, now).andThen((key) =>
    apply(key, command, now).map((next) => ({
      key: next.key,
      events: [...(observed?.events ?? []), ...next.events],
    })),
  );
}

function createKey(command: Extract<KeyCommand, { type: "CreateKey" }>, now: Date): Transition {
  const base = {
    arn: command.arn,
    keyId: command.keyId,
    accountId: command.accountId,
    region: command.region,
    creationDate: now,
    description: command.description,
    origin: command.origin,
    parameterSets: [],
    ...(command.tags.length === 0 ? {} : { tags: command.tags }),
    ...(command.policy === undefined ? {} : { policy: command.policy }),
    ...(command.kind === undefined ? {} : command.kind),
  } as const;
  const key: KeyRecord =
    command.material === undefined
      ? { ...base, keyState: "PendingImport" }
      : {
          ...base,
          keyState: "Enabled",
          material: command.material,
          boundMaterialId: command.material.id,
        };
  return { key, events: [event("CreateKey", key, now)] };
}

type ExistingKeyCommand = Exclude<KeyCommand, { type: "CreateKey" }>;

function apply(
  key: KeyRecord,
  command: ExistingKeyCommand,
  now: Date,
): Result<Transition, KmsError> {
  switch (command.type) {
    case "ReadKey":
      return ok({ key, events: [] });
    case "GetParametersForImport":
      return requireImportable(key).map((k) => {
        const live = k.parameterSets.filter((set) => set.validTo.getTime() > now.getTime());
        const parameterSets = [...live, command.parameterSet].slice(-maxParameterSetsPerKey);
        return committed("GetParametersForImport", { ...k, parameterSets }, now);
      });
    case "ImportKeyMaterial":
      return requireImportable(key)
        .andThen((k) => findParameterSet(k, command.token, now).map((set) => ({ k, set })))
        .andThen(({ k, set }) => {
          const unspent = { ...k, parameterSets: k.parameterSets.filter((s) => s !== set) };
          const imported =
            command.behaviour === "current" && k.keySpec === undefined
              ? importRotatableMaterial(unspent, command)
              : checkImportedMaterial(k, command).map(() => ({
                  ...withMaterial(unspent, command.material),
                  ...(command.publicKey === undefined || k.publicKey !== undefined
                    ? {}
                    : { publicKey: command.publicKey }),
                }));
          return imported.map((next) =>
            committed("ImportKeyMaterial", next, now, command.material.id),
          );
        });
    case "DeleteImportedKeyMaterial":
      return requireExternalOrigin(key)
        .andThen((k) => deleteOneMaterial(k, command))
        .map(({ key: next, deleted }) =>
          committed("DeleteImportedKeyMaterial", next, now, deleted?.id),
        );
    case "RotateKeyOnDemand":
      return rotateKeyMaterial(key, command, now).map((next) =>
        committed("RotateKeyOnDemand", next, now),
      );
    case "EnableKey":
    case "DisableKey":
      return requireMaterialState(key).map((k) =>
        committed(
          command.type,
          { ...k, keyState: command.type === "EnableKey" ? "Enabled" : "Disabled" },
          now,
        ),
      );
    case "ScheduleKeyDeletion":
      if (key.keyState === "PendingDeletion") return err(pendingDeletion(key));
      return ok(
        committed(
          "ScheduleKeyDeletion",
          {
            ...withoutStateFields(key),
            keyState: "PendingDeletion",
            deletionDate: daysAfter(now, command.pendingWindowInDays),
            pendingWindowInDays: command.pendingWindowInDays,
          },
          now,
        ),
      );
    case "CancelKeyDeletion": {
      if (key.keyState !== "PendingDeletion") {
        return err(kmsError("KMSInvalidStateException", `${key.arn} is not pending deletion.`));
      }
      const { deletionDate: _date, pendingWindowInDays: _days, material, ...rest } = key;
      const restored: KeyRecord =
        material === undefined
          ? { ...rest, keyState: "PendingImport" }
          : { ...rest, keyState: "Disabled", material };
      return ok(committed("CancelKeyDeletion", restored, now));
    }
    case "TagResource":
      return notPendingDeletion(key).andThen((k) =>
        withTags(k.tags ?? [], command.tags).map((tags) =>
          committed("TagResource", { ...k, tags }, now),
        ),
      );
    case "UntagResource":
      return notPendingDeletion(key).map((k) => {
        const { tags: existing = [], ...rest } = k;
        const tags = withoutTags(existing, command.tagKeys);
        return committed("UntagResource", tags.length === 0 ? rest : { ...rest, tags }, now);
      });
    case "UpdateKeyDescription":
      return notPendingDeletion(key).map((k) =>
        committed("UpdateKeyDescription", { ...k, description: command.description }, now),
      );
    case "PutKeyPolicy":
      return ok(committed("PutKeyPolicy", { ...key, policy: command.policy }, now));
    case "EnableKeyRotation":
      return requireRotatable(key, true).map((k) => {
        const rotation = {
          enabledAt: k.rotation?.enabledAt ?? now,
          periodInDays: command.periodInDays,
        };
        return committed("EnableKeyRotation", { ...k, rotation }, now);
      });
    case "DisableKeyRotation":
      return requireRotatable(key, true).map((k) => {
        const { rotation: _rotation, ...rest } = k;
        return committed("DisableKeyRotation", rest, now);
      });
  }
}

/** Precondition of the tag and description changes: not a key pending deletion. */
function notPendingDeletion(key: KeyRecord): Result<KeyRecord, KmsError> {
  return key.keyState === "PendingDeletion" ? err(pendingDeletion(key)) : ok(key);
}

/** Precondition: Enable/Disable need material; docs/decisions/0014-key-state-errors.md names the refusals. */
function requireMaterialState(
  key: KeyRecord,
): Result<KeyRecord & { keyState: "Enabled" | "Disabled" }, KmsError> {
  if (key.keyState === "PendingImport") return err(pendingImport(key));
  if (key.keyState === "PendingDeletion") return err(pendingDeletion(key));
  return ok(key);
}

/** docs/decisions/0005-reimport-keeps-the-key-state.md: material replaces material; a key without material becomes `Enabled`. */
function withMaterial(key: KeyRecord, material: KeyMaterial): KeyRecord {
  const keyState = key.keyState === "Disabled" ? "Disabled" : "Enabled";
  return { ...withoutStateFields(key), keyState, material, boundMaterialId: material.id };
}

/** The key without `keyState` and the deletion fields; its material, if any, stays. */
function withoutStateFields(key: KeyRecord) {
  const {
    keyState: _state,
    material,
    deletionDate: _date,
    pendingWindowInDays: _days,
    ...base
  } = key as KeyRecord & {
    material?: KeyMaterial;
    deletionDate?: Date;
    pendingWindowInDays?: number;
  };
  return material === undefined ? base : { ...base, material };
}

function committed(
  eventName: KeyEvent["eventName"],
  key: KeyRecord,
  now: Date,
  keyMaterialId?: KeyMaterialId,
): Transition {
  return { key, events: [event(eventName, key, now, keyMaterialId)] };
}

function event(
  eventName: KeyEvent["eventName"],
  key: KeyRecord,
  now: Date,
  materialId?: KeyMaterialId,
): KeyEvent {
  const keyMaterialId =
    materialId ?? (key.keyState === "PendingImport" ? undefined : key.material?.id);
  return {
    eventName,
    keyArn: key.arn,
    eventTime: now,
    keyState: key.keyState,
    ...(keyMaterialId === undefined ? {} : { keyMaterialId }),
  };
}
