import { checkThenActKeyStore, jsonKeyStore } from "./brokenKeyStores.js";
import { openForgettingAliases, sharedKeyStore } from "./reopenedKeyStores.js";
import { type BrokenCase, flawed } from "./storageRuleCases.js";

const roundTrip =
  "getAlias and listAliases return the alias putAlias stored, with Dates as Dates; putAlias replaces the whole alias; getAlias returns undefined for a name never stored";
const putConflicts =
  "putAlias at version 0 for a name that exists, or at a stale or unknown version, returns WriteConflict with the alias ARN and changes nothing";
const deleteConflicts =
  "deleteAlias at a stale version, or of an alias not stored, returns WriteConflict and changes nothing; at the stored version it removes the alias, which only a putAlias at version 0 creates anew";
const race =
  "of 20 concurrent putAlias calls for one name at the same expected version exactly one succeeds, to create the alias and to update it";
const isolation =
  "aliases of one account and Region are never seen from another: getAlias and listAliases return only that scope's aliases, and a marker of one scope is refused in another with InvalidMarkerException";
const pagination =
  "following nextMarker lists every alias of the scope exactly once, in name order by code point, in pages of at most the limit (limits 1, 2, 3, 4, 5, 6, 7, 1000 and the number of aliases)";
const forged =
  "listAliases returns InvalidMarkerException for a marker it never handed out, and for a marker list handed out";
const deletedBetweenPages =
  "a page walk of aliases goes on when the alias its marker names is deleted between pages, listing every remaining alias once, in name order";
const ofOneKey =
  "listAliases with targetKeyId lists, page by page, exactly the aliases of that key of the scope, in name order";
const dueKeys =
  "listAliases leaves out the aliases of a key that is PendingDeletion with a deletion date at or before now, and lists them while the key is not yet due";
const removal =
  "removeDeletedKeys removes the aliases of every key it removes, in every account and Region, and no other alias";
const noAliasing =
  "changing an alias after putAlias, or what getAlias or listAliases returned, changes nothing the store returns";
const reread =
  "an instance opened anew over the same storage reads back, through getAlias and a full page walk, every alias the first wrote, exactly and at the same version, and not the aliases it deleted or removed with their key; compare-and-set of aliases holds across instances";

/** Stores that break the rules of aliases, and the durability of aliases. */
export const aliasRuleCases: BrokenCase[] = [
  {
    store: "that keeps aliases as JSON",
    make: jsonKeyStore,
    check: roundTrip,
    says: "alias.creationDate should be the Date 2026-03-05T09:30:00.000Z but is '2026-03-05T09:30:00.000Z'",
  },
  flawed("putAlias ignores expectedVersion", putConflicts, "must return err WriteConflict"),
  flawed("putAlias ignores expectedVersion", race, "but 20 succeeded"),
  {
    store: "whose putAlias checks the version and writes in two steps",
    make: checkThenActKeyStore,
    check: race,
    says: "but 20 succeeded",
  },
  flawed(
    "deleteAlias ignores expectedVersion",
    deleteConflicts,
    "The alias is stored at version 2, so deleteAlias(",
  ),
  flawed("listAliases ignores the account", isolation, "arn:aws:kms:us-east-1:444455556666:alias/"),
  flawed(
    "listAliases accepts markers from any scope",
    isolation,
    "must return err InvalidMarkerException",
  ),
  flawed(
    "listAliases sorts names ignoring case",
    pagination,
    "did not list the aliases in name order (by code point",
  ),
  flawed(
    "listAliases drops the last alias of each page",
    pagination,
    "an empty page with a nextMarker",
  ),
  flawed("listAliases starts over on a marker it never handed out", forged, "'not a marker!'"),
  flawed(
    "listAliases accepts the markers of list",
    forged,
    "The store handed this marker out for a page of keys, not of aliases",
  ),
  flawed(
    "listAliases refuses the marker of a deleted alias",
    deletedBetweenPages,
    "InvalidMarkerException",
  ),
  flawed("listAliases ignores targetKeyId", ofOneKey, "listed aliases it must not list"),
  flawed("listAliases ignores now", dueKeys, "listed aliases it must not list"),
  flawed(
    "listAliases looks up the key by key ID in any account",
    dueKeys,
    "never listed some aliases it must list",
  ),
  flawed("removeDeletedKeys keeps aliases", removal, "points at, so getAlias("),
  flawed(
    "putAlias keeps the caller's object",
    noAliasing,
    "After the caller changed the aliases it had put",
  ),
  flawed(
    "getAlias returns the stored object",
    noAliasing,
    "After the caller changed what getAlias returned",
  ),
  flawed(
    "listAliases returns the stored objects",
    noAliasing,
    "After the caller changed the page listAliases returned",
  ),
  {
    store: "whose openAgain shares the keys but not the aliases",
    make: sharedKeyStore,
    openAgain: openForgettingAliases,
    check: reread,
    says: "it returned undefined",
  },
];
