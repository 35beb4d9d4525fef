import { openSnapshot, sharedKeyStore } from "./reopenedKeyStores.js";
import { type BrokenCase, flawed } from "./storageRuleCases.js";

const first =
  "claimBehaviour stores the first profile proposed for an account and Region and returns it ever after";
const apart = "claimBehaviour keeps the profiles of accounts and Regions apart";
const race = "of racing first claims with different profiles, every caller gets the one stored";
const reopened = "an instance opened anew returns the profile the first instance stored";

/** Stores that break the rule of behaviour profiles. */
export const behaviourRuleCases: BrokenCase[] = [
  flawed("claimBehaviour overwrites the stored profile", first, 'must return "current"'),
  flawed("claimBehaviour stores nothing", first, 'must return "current"'),
  flawed("claimBehaviour ignores the Region", apart, 'must return "classic"'),
  flawed("claimBehaviour checks, then stores", race, "must all return the same profile"),
  {
    store: "whose openAgain sees a copy of the storage, not the storage",
    make: sharedKeyStore,
    openAgain: openSnapshot,
    check: reopened,
    says: "Another instance claimed current, so claimBehaviour(",
  },
];
