import type { KeyRecord, KeyTag, ParameterSet } from "../../domain/keyRecord.js";
import { type KeyStoreCheckGroup, keyStoreCheck } from "./keyStoreCheck.js";
import { expectSameRecord, expectStored, okOf } from "./keyStoreExpectations.js";
import { expectEveryKeyOnceInOrder, walkPages } from "./keyStorePageWalk.js";
import { homeScope, sampleKeyRecord } from "./sampleKeyRecord.js";

const rule = "large pages";
const keys = 1200;
const limit = 1000;
/** The longest description CreateKey accepts, in UTF-16 code units, as AWS counts them. */
const descriptionLength = 8192;
/** The most tags a key may have, and the longest tag key and value, in UTF-16 code units. */
const tagCount = 50;
const tagKeyLength = 128;
const tagValueLength = 256;
/** The longest key policy, in characters. */
const policyLength = 32_768;
/** About the size of an RSA_4096 private key (PKCS #8 DER) sealed with AES-256-GCM. */
const sealedPrivateKeyBytes = 2404;
/** 16 code units, with two-, three- and four-byte UTF-8 characters (the emoji is a pair). */
const phrase = "clé 🔑 ключ 鍵 é ";
/**
 * 16 characters of Latin-1, with two-byte UTF-8 characters: policies are the bulk of a record,
 * and JavaScript engines keep Latin-1 strings at a byte a character.
 */
const latinPhrase = "Statement é ü ß ";
/** The phrases repeated to the longest text each fills, built once. */
const filler = phrase.repeat(descriptionLength / phrase.length);
const latinFiller = latinPhrase.repeat(policyLength / latinPhrase.length);

/** Bytes that differ from key to key and set to set, so a mix-up or a cut shows. */
const pattern = Uint8Array.from({ length: sealedPrivateKeyBytes }, (_, i) => (i * 131 + 7) & 0xff);

function bigParameterSet(n: number, i: number): ParameterSet {
  const sealedPrivateKey = pattern.slice();
  sealedPrivateKey.set([n & 0xff, (n >> 8) & 0xff, i], 0);
  sealedPrivateKey.set([i, n & 0xff], sealedPrivateKeyBytes - 2);
  return {
    id: `large-parameter-set-${n}-${i}-${"x".repeat(64)}`,
    wrappingAlgorithm: i % 2 === 0 ? "RSA_AES_KEY_WRAP_SHA_256" : "RSAES_OAEP_SHA_256",
    wrappingKeySpec: "RSA_4096",
    sealedPrivateKey,
    validTo: new Date(Date.UTC(2026, 2, 2, 12, 0, 0, n % 1000)),
  };
}

/**
 * `head`, then `fill` (a phrase repeated), cut to `length` code units; never in the middle of a
 * surrogate pair (a cut emoji ends in "x").
 */
function filled(head: string, length: number, fill = filler): string {
  const text = head + fill.slice(0, length - head.length);
  const last = text.charCodeAt(length - 1);
  return last >= 0xd800 && last <= 0xdbff ? `${text.slice(0, -1)}x` : text;
}

/** Tags at their largest, each key and value naming the key and the tag, so a mix-up shows. */
function bigTags(n: number): KeyTag[] {
  return Array.from({ length: tagCount }, (_, i) => ({
    key: filled(`tag ${i} of ${n}:`, tagKeyLength),
    value: filled(`value ${i} of ${n}:`, tagValueLength),
  }));
}

/**
 * Sample key `n` at its largest: an Enabled key with expiring sealed material, a bound material
 * ID, a description of 8,192 code units, ten parameter sets of RSA_4096 size, 50 tags of the
 * longest key and value and a key policy of 32,768 characters.
 */
function largeKeyRecord(n: number): KeyRecord {
  const description = filled(`large key ${String(n).padStart(5, "0")}:`, descriptionLength);
  return {
    ...sampleKeyRecord(n, { shape: "Enabled with expiring material", description }),
    parameterSets: Array.from({ length: 10 }, (_, i) => bigParameterSet(n, i)),
    tags: bigTags(n),
    policy: filled(`{"Id": "large policy ${n}", "Sid": "`, policyLength, latinFiller),
  };
}

/** Checks that records at their largest come back whole, a thousand to a page. */
export const largePageChecks: KeyStoreCheckGroup = (makeStore) => [
  keyStoreCheck(
    rule,
    `a full page walk with limit ${limit} over ${keys} keys at their largest (descriptions of ${descriptionLength} characters, ten RSA_4096-sized parameter sets, sealed material, ${tagCount} tags of ${tagKeyLength} and ${tagValueLength} characters, a policy of ${policyLength} characters) returns every record exactly`,
    makeStore,
    async (store) => {
      const records = Array.from({ length: keys }, (_, n) => largeKeyRecord(n));
      const versions = new Map<string, number>();
      for (const record of records)
        versions.set(record.arn, okOf(rule, await store.put(record, 0)));
      const listed = await walkPages(store, homeScope, limit, keys, undefined, rule);
      expectEveryKeyOnceInOrder(
        `With ${keys} large keys and limit ${limit}`,
        records,
        listed,
        rule,
      );
      const byArn = new Map(listed.map((record) => [record.arn, record]));
      for (const record of records)
        expectSameRecord(
          rule,
          `A walk with limit ${limit} returned ${record.arn}`,
          record,
          byArn.get(record.arn),
        );
      for (const record of [records[0], records.at(-1)])
        if (record !== undefined)
          await expectStored(rule, store, record, versions.get(record.arn) ?? 0);
    },
  ),
];
