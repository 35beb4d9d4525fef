import fc from "fast-check";
import { keyArn } from "../keyArn.js";
import { keyId } from "../keyId.js";
import type { RequestConstraints } from "../requestConstraints.js";
import { checkMargin } from "./expirationCases.js";
import { readNow } from "./readNow.js";
import { type Scope, scopeOf } from "./scope.js";

/** What the request builders need, resolved from {@link RequestConstraints}. */
export interface GenerationContext {
  readonly scope: Scope;
  /** The time of the request, read when a value is generated. */
  readonly now: () => Date;
  /** Milliseconds by which a request may come before or after generation (docs/decisions/0008-expiration-model-and-valid-to.md). */
  readonly margin: number;
  /** Valid key references: key IDs and own key ARNs, unless the caller gave its own. */
  readonly keyId: fc.Arbitrary<string>;
}

/** The margin used with the system clock, which moves between generation and the request. */
const systemClockMargin = 60_000;

/** Resolves request constraints; throws `TypeError` naming `api` when they are invalid. */
export function generationContext(constraints: RequestConstraints, api: string): GenerationContext {
  const scope = scopeOf(constraints, api);
  const now = constraints.now === undefined ? () => new Date() : readNow(constraints.now, api);
  return {
    scope,
    now,
    margin: checkMargin(
      constraints.margin ?? (constraints.now === undefined ? systemClockMargin : 0),
      api,
    ),
    keyId: constraints.keyId ?? fc.oneof(keyId(), keyArn(scope)),
  };
}
