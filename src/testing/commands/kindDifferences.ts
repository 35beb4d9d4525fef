import { algorithmsOf, specOf, usageOf } from "../model/modelKeyKinds.js";
import type { ModelKey } from "../model/modelState.js";

const listMembers = ["EncryptionAlgorithms", "SigningAlgorithms", "MacAlgorithms"] as const;

/**
 * What is wrong with the spec, usage and algorithm lists of `metadata` (KeyMetadata, or a
 * GetPublicKey response) for `key`: each list must be exactly the one its spec and usage offer,
 * and the other lists absent (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export function kindDifferences(
  metadata: object,
  key: Pick<ModelKey, "kind">,
  members: readonly (typeof listMembers)[number][] = listMembers,
): string[] {
  const actual = metadata as Record<string, unknown>;
  const spec = specOf(key.kind);
  const problems: string[] = [];
  for (const [member, expected] of [
    ["KeySpec", spec],
    ["CustomerMasterKeySpec", spec],
    ["KeyUsage", usageOf(key.kind)],
  ] as const) {
    if (actual[member] !== expected) {
      problems.push(`${member} is ${String(actual[member])}, expected ${expected}`);
    }
  }
  const lists: Readonly<Record<string, readonly string[] | undefined>> = algorithmsOf(key.kind);
  for (const member of members) {
    const got = JSON.stringify(actual[member]);
    const expected = JSON.stringify(lists[member]);
    if (got !== expected) problems.push(`${member} is ${got}, expected ${expected}`);
  }
  return problems;
}
