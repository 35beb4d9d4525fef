// An ES module consumer, type-checked by `tsc -p test/consumer/tsconfig.json` (never run): its
// types come from dist/index.d.ts, dist/testing/index.d.ts, dist/http/index.d.ts and
// dist/sql/index.d.ts of the packed package.
import { type Clock, createKms, type Kms } from "kms-byok";
import { createKmsServer, type KmsServerListenError } from "kms-byok/http";
import { openSqliteKeyStore, type SqlStoreOpenError } from "kms-byok/sql";
import { manualClock, testCrypto } from "kms-byok/testing";

const clock: Clock = manualClock(new Date("2026-01-01T00:00:00.000Z"));
const kms: Kms = createKms({ crypto: testCrypto(), clock });
export const created: Promise<string> = kms.createKey({ Origin: "EXTERNAL" }).match(
  ({ KeyMetadata }) => KeyMetadata.KeyId,
  (error) => error.name,
);

// @ts-expect-error advance takes milliseconds or a duration, not a sentence
manualClock().advance("one day");
// @ts-expect-error Origin is EXTERNAL or AWS_KMS in kms-byok's own types
kms.createKey({ Origin: "NOT_AN_ORIGIN" });

// kms-byok/http: the endpoint's options and results are typed.

export const listening: Promise<string> = createKmsServer({ clock, region: "eu-west-1" })
  .listen({ port: 0 })
  .match(
    ({ url }) => url,
    (error: KmsServerListenError) => error.name,
  );
// @ts-expect-error credentials need an accountId
createKmsServer({ credentials: [{ accessKeyId: "a", secretAccessKey: "b" }] });

// kms-byok/sql: opening a store is a ResultAsync whose error names why.
export const opened: Promise<string> = openSqliteKeyStore({ path: "kms.sqlite" }).match(
  (store) => `${store.engine} at ${store.location}`,
  (error: SqlStoreOpenError) => error.name,
);
// @ts-expect-error the SQLite store needs a path
openSqliteKeyStore({});
