import type fc from "fast-check";
import type { Clock } from "../../ports/clock.js";

/** Constraints of {@link validRequest}, {@link invalidRequest} and {@link garbageRequest}. */
export interface RequestConstraints {
  /** The KMS's 12-digit account. @defaultValue `"111122223333"`, as `createKms` */
  readonly accountId?: string;
  /** The KMS's Region. @defaultValue `"us-east-1"`, as `createKms` */
  readonly region?: string;
  /**
   * The time of the request, for `ValidTo` (docs/decisions/0008-expiration-model-and-valid-to.md): a fixed `Date`, or a `Clock` read each time a
   * value is generated. @defaultValue the system clock
   */
  readonly now?: Date | Clock;
  /**
   * Milliseconds by which the request may come before or after generation with each `ValidTo`
   * keeping its verdict (docs/decisions/0008-expiration-model-and-valid-to.md), for a clock that moves meanwhile.
   * @defaultValue 0 with `now`, one minute without
   */
  readonly margin?: number;
  /**
   * The `KeyId` of valid requests, for instance `fc.constantFrom(...yourKeyIds)` to reach
   * existing keys. @defaultValue key IDs and key ARNs of the scope, naming no existing key
   */
  readonly keyId?: fc.Arbitrary<string>;
}
