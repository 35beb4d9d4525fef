import { memoryKeyStore } from "../adapters/memoryKeyStore.js";
import { nodeCrypto } from "../adapters/nodeCrypto.js";
import { randomIds } from "../adapters/randomIds.js";
import { systemClock } from "../adapters/systemClock.js";
import { type BehaviourProfile, isBehaviourProfile } from "../domain/behaviourProfile.js";
import type { KeyScope } from "../domain/keyArn.js";
import { isKeyId, type KeyId } from "../domain/keyId.js";
import { defaultRotationLimit } from "../domain/materialRotation.js";
import type { Clock } from "../ports/clock.js";
import type { CryptoProvider } from "../ports/cryptoProvider.js";
import type { KeyStore } from "../ports/keyStore.js";
import type { CommitPorts } from "./commitKeyCommand.js";
import type { KmsOptions } from "./kmsOptions.js";

/** Everything an operation needs: the scope, the ports, and a checked ID source. */
export interface ServiceDeps extends CommitPorts {
  readonly scope: KeyScope;
  /** The profile whose rules the operations apply; the service checks it once with the store's. */
  readonly behaviour: BehaviourProfile;
  readonly store: KeyStore;
  readonly crypto: CryptoProvider;
  readonly clock: Clock;
  /** How many on-demand rotations a key may have. */
  readonly rotationLimit: number;
  /** A fresh key or parameter set ID. */
  nextId(): KeyId;
}

/** The account of a `Kms` created without `accountId`. */
export const defaultAccountId = "111122223333";
/** The Region of a `Kms` created without `region`. */
export const defaultRegion = "us-east-1";

const accountIdPattern = /^\d{12}$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Fills in the default ports and checks the options.
 *
 * Throws `TypeError` for an account ID that is not 12 digits, a malformed Region or an unknown
 * behaviour profile; `RangeError` for a rotation limit that is not a whole number from 0.
 */
export function serviceDeps(options: KmsOptions): ServiceDeps {
  const scope = {
    accountId: options.accountId ?? defaultAccountId,
    region: options.region ?? defaultRegion,
  };
  if (!accountIdPattern.test(scope.accountId))
    throw new TypeError("accountId must be a 12-digit AWS account ID.");
  if (!regionPattern.test(scope.region))
    throw new TypeError("region must be an AWS Region name such as us-east-1.");
  const behaviour = options.behaviour ?? "classic";
  if (!isBehaviourProfile(behaviour))
    throw new TypeError(
      `behaviour must be "classic" or "current", not ${JSON.stringify(behaviour)}.`,
    );
  const rotationLimit = options.onDemandRotationLimit ?? defaultRotationLimit;
  if (!Number.isSafeInteger(rotationLimit) || rotationLimit < 0)
    throw new RangeError(
      `onDemandRotationLimit must be a whole number from 0, not ${rotationLimit}.`,
    );
  const ids = options.ids ?? randomIds();
  return {
    scope,
    behaviour,
    store: options.store ?? memoryKeyStore(),
    crypto: options.crypto ?? nodeCrypto(),
    clock: options.clock ?? systemClock(),
    audit: options.audit ?? { record: () => {} },
    maxWriteAttempts: options.maxWriteAttempts ?? 5,
    rotationLimit,
    nextId: () => {
      const id = ids.next();
      if (!isKeyId(id))
        throw new TypeError(`The IdGenerator returned '${id}', which is not a lowercase UUID.`);
      return id;
    },
  };
}
