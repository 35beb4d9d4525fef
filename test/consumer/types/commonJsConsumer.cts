// A CommonJS consumer, type-checked by `tsc -p test/consumer/tsconfig.json` (never run): its
// types come from dist/index.d.cts, dist/testing/index.d.cts, dist/http/index.d.cts and
// dist/sql/index.d.cts of the packed package.
import kmsByok = require("kms-byok");
import http = require("kms-byok/http");
import sql = require("kms-byok/sql");
import testing = require("kms-byok/testing");

const clock: kmsByok.Clock = testing.manualClock(new Date("2026-01-01T00:00:00.000Z"));
const kms: kmsByok.Kms = kmsByok.createKms({ crypto: testing.testCrypto(), clock });
const created: Promise<string> = kms.createKey({ Origin: "EXTERNAL" }).match(
  ({ KeyMetadata }) => KeyMetadata.KeyId,
  (error) => error.name,
);

// @ts-expect-error advance takes milliseconds or a duration, not a sentence
testing.manualClock().advance("one day");
// @ts-expect-error Origin is EXTERNAL or AWS_KMS in kms-byok's own types
kms.createKey({ Origin: "NOT_AN_ORIGIN" });

const server: http.KmsServer = http.createKmsServer({ clock, maxBodyBytes: 65_536 });
// @ts-expect-error mode is "open" or "verified"
const mode: "local" = server.mode;

const store: Promise<kmsByok.KeyStore | string> = sql
  .openPostgresKeyStore({ url: "postgres://localhost/kms" })
  .match(
    (opened: sql.SqlKeyStore) => opened,
    (error) => error.message,
  );
// @ts-expect-error the PostgreSQL store needs a URL, not a path
sql.openPostgresKeyStore({ path: "kms.sqlite" });

module.exports = { created, mode, store };
