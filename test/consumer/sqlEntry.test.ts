import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createKms } from "kms-byok";
import * as sql from "kms-byok/sql";
import { afterAll, describe, expect, it } from "vitest";
import { moduleGraph } from "./support/moduleGraph.js";
import { packedFile } from "./support/packedPackage.js";

const require = createRequire(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), "kms-byok-consumer-sql-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kms-byok/sql of the packed package", () => {
  it("resolves to dist/sql/index.js for import and dist/sql/index.cjs for require", () => {
    expect(import.meta.resolve("kms-byok/sql")).toBe(
      pathToFileURL(packedFile("dist/sql/index.js")).href,
    );
    expect(require.resolve("kms-byok/sql")).toBe(packedFile("dist/sql/index.cjs"));
  });

  it("keeps a key in a SQLite file that a store opened anew reads back, from either build", async () => {
    const builds = [sql.openSqliteKeyStore, require("kms-byok/sql").openSqliteKeyStore];
    const states = [];
    for (const [index, openSqliteKeyStore] of (
      builds as (typeof sql.openSqliteKeyStore)[]
    ).entries()) {
      const path = join(dir, `kms-${index}.sqlite`);
      const first = (await openSqliteKeyStore({ path }))._unsafeUnwrap();
      const created = await createKms({ store: first }).createKey({ Origin: "EXTERNAL" });
      await first.close();
      const again = (await openSqliteKeyStore({ path }))._unsafeUnwrap();
      const KeyId = created._unsafeUnwrap().KeyMetadata.KeyId;
      const described = await createKms({ store: again }).describeKey({ KeyId });
      states.push(described._unsafeUnwrap().KeyMetadata.KeyState);
      await again.close();
    }
    expect(states).toEqual(["PendingImport", "PendingImport"]);
  });

  it('is the only entry that can load a database driver: ".", "./testing" and "./http" never name one', () => {
    const driverNames = (entry: string) =>
      moduleGraph(packedFile(entry)).filter(
        (file) => file.text.includes("better-sqlite3") || /["']pg["']/.test(file.text),
      );

    expect(driverNames("dist/sql/index.js")).not.toEqual([]);
    for (const entry of [
      "dist/index.js",
      "dist/index.cjs",
      "dist/testing/index.js",
      "dist/testing/index.cjs",
      "dist/http/index.js",
      "dist/http/index.cjs",
    ]) {
      expect(driverNames(entry)).toEqual([]);
    }
  });
});
