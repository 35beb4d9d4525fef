import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectNoLostUpdate, expectOneWinner } from "./keyStoreRaces.js";

const rule = "concurrent writers";

/** Checks that compare-and-set holds when writers race: no write is lost, one writer wins. */
export const concurrencyChecks: KeyStoreCheckGroup = (makeStore, { writers }) => [
  keyStoreCheck(
    rule,
    `${writers} concurrent writers that read, change and put with the version they read lose no update`,
    makeStore,
    async (store) => expectNoLostUpdate(rule, [store], writers, ""),
  ),
  keyStoreCheck(
    rule,
    `of ${writers} concurrent puts at the same expected version exactly one succeeds`,
    makeStore,
    async (store) => expectOneWinner(rule, [store], writers, ""),
  ),
];
