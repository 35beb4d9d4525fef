import type { BehaviourProfile } from "../../domain/behaviourProfile.js";
import type { KeyScope } from "../../domain/keyArn.js";
import type { CheckedStore } from "./keyStoreCalls.js";
import { type KeyStoreCheckGroup, keyStoreCheck, reopeningCheck } from "./keyStoreCheck.js";
import { okOf } from "./keyStoreExpectations.js";
import { violation } from "./keyStoreViolation.js";
import { homeScope, otherAccountScope, otherRegionScope } from "./sampleKeyRecord.js";

const rule = "behaviour profiles";

/** Claims `proposed` for `scope` and requires `expected` back. */
async function expectClaim(
  store: CheckedStore,
  scope: KeyScope,
  proposed: BehaviourProfile,
  expected: BehaviourProfile,
  why: string,
): Promise<void> {
  const outcome = await store.claimBehaviour(scope, proposed);
  const returned = okOf(rule, outcome);
  if (returned !== expected)
    throw violation(rule, `${why} ${outcome.call} must return "${expected}".`, { returned });
}

/** Checks `claimBehaviour`: the first profile of a scope is kept, per scope, also under races. */
export const behaviourChecks: KeyStoreCheckGroup = (makeStore, { writers, openAgain }) => [
  keyStoreCheck(
    rule,
    "claimBehaviour stores the first profile proposed for an account and Region and returns it ever after",
    makeStore,
    async (store) => {
      await expectClaim(store, homeScope, "current", "current", "The scope is new, so");
      const kept = "The scope was first claimed for current, so";
      await expectClaim(store, homeScope, "classic", "current", kept);
      await expectClaim(store, homeScope, "current", "current", kept);
    },
  ),
  keyStoreCheck(
    rule,
    "claimBehaviour keeps the profiles of accounts and Regions apart",
    makeStore,
    async (store) => {
      await expectClaim(store, homeScope, "current", "current", "The scope is new, so");
      for (const scope of [otherAccountScope, otherRegionScope])
        await expectClaim(store, scope, "classic", "classic", "Only another scope was claimed, so");
      await expectClaim(
        store,
        homeScope,
        "classic",
        "current",
        "This scope was claimed for current, so",
      );
    },
  ),
  keyStoreCheck(
    rule,
    "of racing first claims with different profiles, every caller gets the one stored",
    makeStore,
    async (store) => {
      const proposals = Array.from(
        { length: writers },
        (_, i): BehaviourProfile => (i % 2 === 0 ? "classic" : "current"),
      );
      const outcomes = await Promise.all(
        proposals.map((proposed) => store.claimBehaviour(homeScope, proposed)),
      );
      const returned = outcomes.map((outcome) => okOf(rule, outcome));
      const first = returned[0] ?? "classic";
      if (returned.some((profile) => profile !== first))
        throw violation(rule, "Racing claims of one new scope must all return the same profile.", {
          proposed: proposals,
          returned,
        });
      await expectClaim(
        store,
        homeScope,
        first === "classic" ? "current" : "classic",
        first,
        "The race stored one profile, so",
      );
    },
  ),
  ...(openAgain === undefined
    ? []
    : [
        reopeningCheck(
          rule,
          "an instance opened anew returns the profile the first instance stored",
          makeStore,
          openAgain,
          async (first, reopen) => {
            await expectClaim(first, homeScope, "current", "current", "The scope is new, so");
            await expectClaim(
              await reopen(),
              homeScope,
              "classic",
              "current",
              "Another instance claimed current, so",
            );
          },
        ),
      ]),
];
