import type { KeyArn, KeyScope } from "../../domain/keyArn.js";
import type { KeyRecord } from "../../domain/keyRecord.js";
import { shown } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectErr, expectWritten, okOf } from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";
import {
  homeScope,
  otherAccountScope,
  otherPartitionScope,
  otherRegionScope,
  sampleKeyRecord,
} from "./sampleKeyRecord.js";

const rule = "isolation";
const scopes = [homeScope, otherAccountScope, otherRegionScope, otherPartitionScope];

/** The keys of scope `s`: keys 1–3 exist in every scope (same key IDs), key 10 + s only in `s`. */
function keysOf(s: number): KeyRecord[] {
  const scope = scopes[s] ?? homeScope;
  return [1, 2, 3, 10 + s].map((n) =>
    sampleKeyRecord(n, { scope, description: `key ${n} of scope ${s}` }),
  );
}

/** Checks that keys of different accounts and Regions never mix. */
export const isolationChecks: KeyStoreCheckGroup = (makeStore) => [
  keyStoreCheck(
    rule,
    "list returns only the keys of the requested account and Region",
    makeStore,
    async (store) => {
      for (const s of scopes.keys())
        for (const record of keysOf(s)) okOf(rule, await store.put(record, 0));
      const empty: KeyScope[] = [
        { accountId: "777788889999", region: "us-east-1" },
        { accountId: "111122223333", region: "us-west-2" },
      ];
      const expectations: [KeyScope, KeyArn[]][] = [
        ...scopes.map((scope, s): [KeyScope, KeyArn[]] => [
          scope,
          keysOf(s)
            .map((r) => r.arn)
            .sort(),
        ]),
        ...empty.map((scope): [KeyScope, KeyArn[]] => [scope, []]),
      ];
      for (const [scope, expected] of expectations) {
        const outcome = await store.list(scope, { limit: 1000 });
        const listed = okOf(rule, outcome).records.map((r) => r.arn);
        const foreign = listed.filter((arn) => !expected.includes(arn));
        const missing = expected.filter((arn) => !listed.includes(arn));
        if (foreign.length > 0 || missing.length > 0)
          throw violation(
            rule,
            `${outcome.call} must return exactly the keys of that account and Region.`,
            {
              "keys of other scopes listed": foreign,
              "keys of this scope missing": missing,
            },
          );
      }
    },
  ),
  keyStoreCheck(
    rule,
    "a marker handed out for one account and Region is refused in another with InvalidMarkerException",
    makeStore,
    async (store) => {
      for (const s of scopes.keys())
        for (const record of keysOf(s)) okOf(rule, await store.put(record, 0));
      const first = await store.list(homeScope, { limit: 1 });
      const marker = okOf(rule, first).nextMarker;
      if (marker === undefined)
        throw violation(
          rule,
          `${first.call} must return a nextMarker: 4 keys are stored in that scope.`,
          {
            returned: shown(first),
          },
        );
      okOf(rule, await store.list(homeScope, { limit: 1, marker }));
      for (const scope of scopes.slice(1))
        expectErr(
          rule,
          await store.list(scope, { limit: 1, marker }),
          { name: "InvalidMarkerException" },
          `The marker was handed out for ${homeScope.accountId}/${homeScope.region}, so`,
        );
    },
  ),
  keyStoreCheck(rule, "get finds a key by its exact ARN only", makeStore, async (store) => {
    const versions = [];
    for (const s of scopes.keys())
      versions.push(okOf(rule, await store.put(keysOf(s)[0] as KeyRecord, 0)));
    for (const [s, version] of versions.entries())
      await expectWritten(
        rule,
        store,
        keysOf(s)[0] as KeyRecord,
        version,
        "The same key ID is stored in four scopes; get by ARN must return that scope's record:",
      );
    const arn = (keysOf(0)[0] as KeyRecord).arn;
    const near: string[] = [
      arn.toUpperCase(),
      arn.slice(0, arn.lastIndexOf("/")) + arn.slice(arn.lastIndexOf("/")).toUpperCase(),
      `${arn} `,
      ` ${arn}`,
      arn.slice(0, -1),
      `${arn}0`,
      arn.slice(arn.lastIndexOf("/") + 1),
      arn.replace("us-east-1", "us-east-2"),
      arn.replace("111122223333", "111122223334"),
    ];
    for (const other of near.filter((candidate) => candidate !== arn)) {
      const outcome = await store.get(other as KeyArn);
      if (okOf(rule, outcome) !== undefined)
        throw violation(
          rule,
          `${outcome.call} must return undefined: only ${arn} and the same key in other scopes are stored, and ARNs match exactly (case and all).`,
          {
            returned: shown(outcome),
          },
        );
    }
  }),
];
