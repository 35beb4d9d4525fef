import { type KeyStoreCheckGroup, reopeningCheck } from "./keyStoreCheck.js";
import { expectNoLostUpdate, expectOneWinner } from "./keyStoreRaces.js";

const rule = "two instances";
const how = ", alternately through two instances over the same storage,";

/**
 * Checks that compare-and-set holds across instances over one storage, as it must across the
 * processes that share a database: the races of the concurrent-writer rule, split between two.
 * Without `openAgain` there are none.
 */
export const twoInstanceChecks: KeyStoreCheckGroup = (makeStore, { writers, openAgain }) =>
  openAgain === undefined
    ? []
    : [
        reopeningCheck(
          rule,
          `${writers} concurrent writers split across two instances over the same storage lose no update`,
          makeStore,
          openAgain,
          async (first, open) => expectNoLostUpdate(rule, [first, await open()], writers, how),
        ),
        reopeningCheck(
          rule,
          `of ${writers} concurrent puts at the same expected version, half through each of two instances over the same storage, exactly one succeeds`,
          makeStore,
          openAgain,
          async (first, open) => expectOneWinner(rule, [first, await open()], writers, how),
        ),
      ];
