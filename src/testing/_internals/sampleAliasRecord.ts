import type { AliasName, AliasRecord } from "../../domain/aliasRecord.js";
import type { KeyScope } from "../../domain/keyArn.js";
import { homeScope, sampleKeyId } from "./sampleKeyRecord.js";

// Literal alias records for the KeyStore contract: every call builds fresh objects, so a check
// can compare what a store returns with a pristine copy of what it was given.

/**
 * Name fragments whose order by code point (`-` < digits < upper case < `_` < lower case, and
 * `-` < `/` < digits < `:` < `_`) differs from a case-insensitive or locale order.
 */
const fragments = [
  "alpha",
  "Zulu",
  "alpha_2",
  "0day",
  "ALPHA",
  "alpha-2",
  "beta",
  "alpha:2",
  "-dash",
  "Alpha",
  "alpha/2",
  "_under",
  "alpha2",
  "x",
] as const;

/**
 * The name of sample alias `n`: `alias/` and a fragment, with `-n` after it from the 14th on.
 * The name order of sample aliases differs from their numeric (and usual insertion) order.
 */
export function sampleAliasName(n: number): AliasName {
  const fragment = fragments[n % fragments.length] ?? "x";
  return `alias/${fragment}${n >= fragments.length ? `-${n}` : ""}` as AliasName;
}

/** Where and how {@link sampleAliasRecord} builds its alias. */
export interface SampleAliasOptions {
  readonly scope?: KeyScope;
  /** The sample key (by its number, see `sampleKeyId`) the alias points at; 1 by default. */
  readonly target?: number;
  /** The name; {@link sampleAliasName}(n) by default. */
  readonly name?: string;
  /** Moves `lastUpdatedDate` on by this many milliseconds: a later write of the same alias. */
  readonly update?: number;
}

/** A fresh alias record for sample alias `n` (by default of {@link homeScope}, to sample key 1). */
export function sampleAliasRecord(n: number, options: SampleAliasOptions = {}): AliasRecord {
  const scope = options.scope ?? homeScope;
  const created = Date.UTC(2026, 2, 5, 9, 30, 0, (n * 7) % 1000);
  return {
    aliasName: (options.name ?? sampleAliasName(n)) as AliasName,
    accountId: scope.accountId,
    region: scope.region,
    targetKeyId: sampleKeyId(options.target ?? 1),
    creationDate: new Date(created),
    lastUpdatedDate: new Date(created + 1 + (options.update ?? 0)),
  };
}
