/** The account and Region an arbitrary generates for: those of the KMS under test. */
export interface Scope {
  readonly accountId: string;
  readonly region: string;
}

/** The account and Region `createKms` serves when given none. */
export const defaultScope: Scope = { accountId: "111122223333", region: "us-east-1" };

const accountIdPattern = /^\d{12}$/;
const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * The scope of an arbitrary's constraints, with `createKms`'s defaults.
 *
 * Throws `TypeError` naming `api` for an account ID that is not 12 digits or a malformed Region,
 * as fast-check does for misused constraints.
 */
export function scopeOf(
  constraints: { readonly accountId?: string; readonly region?: string },
  api: string,
): Scope {
  const scope = {
    accountId: constraints.accountId ?? defaultScope.accountId,
    region: constraints.region ?? defaultScope.region,
  };
  if (!accountIdPattern.test(scope.accountId)) {
    throw new TypeError(`arbitraries.${api}: accountId must be a 12-digit AWS account ID.`);
  }
  if (!regionPattern.test(scope.region)) {
    throw new TypeError(`arbitraries.${api}: region must be a Region name such as us-east-1.`);
  }
  return scope;
}

/** The AWS partition of a Region, as AWS names it in ARNs. */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

/** The ARN of a KMS resource (`key/…` or `alias/…`) in `scope`, in the partition of its Region. */
export function kmsArn(scope: Scope, resource: string): string {
  return `arn:${partitionOf(scope.region)}:kms:${scope.region}:${scope.accountId}:${resource}`;
}
