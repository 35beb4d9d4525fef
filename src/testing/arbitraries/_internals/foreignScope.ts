import fc from "fast-check";
import { awsRegions } from "./awsRegions.js";
import type { Scope } from "./scope.js";

/** Scopes in `scope`'s account but another Region (possibly of another partition). */
export function foreignRegionScope(scope: Scope): fc.Arbitrary<Scope> {
  const regions = awsRegions.filter((region) => region !== scope.region);
  return fc.constantFrom(...regions).map((region) => ({ accountId: scope.accountId, region }));
}

/** Scopes in `scope`'s Region but another 12-digit account. */
export function foreignAccountScope(scope: Scope): fc.Arbitrary<Scope> {
  return fc
    .integer({ min: 0, max: 999_999_999_999 })
    .map((n) => String(n).padStart(12, "0"))
    .filter((accountId) => accountId !== scope.accountId)
    .map((accountId) => ({ accountId, region: scope.region }));
}
