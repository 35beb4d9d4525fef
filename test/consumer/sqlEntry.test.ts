import { execFile } from "node:child_process";
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
import { sandboxWithoutFastCheck } from "./support/sandboxWithoutFastCheck.js";

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

describe("kms-byok/sql in a project that installed neither better-sqlite3 nor pg", () => {
  // The sandbox holds kms-byok and its dependencies only: no optional ones.
  const project = sandboxWithoutFastCheck();
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const cli = join(project, "node_modules/kms-byok/dist/cli/main.js");
  const run = (...args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [cli, ...args], { cwd: project }, (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number), stderr }),
      );
    });

  it("serve --data exits 2 and says how to install better-sqlite3", async () => {
    const result = await run("serve", "--port", "0", "--data", join(project, "kms-data"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "SQLite needs the npm package better-sqlite3, which did not load",
    );
    expect(result.stderr).toContain("npm install better-sqlite3@12");
  });

  it("serve --database exits 2 and says how to install pg", async () => {
    const result = await run(
      "serve",
      "--port",
      "0",
      "--database",
      "postgres://kms@127.0.0.1:9/kms",
      "--root-key-file",
      join(project, "root.key"),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("PostgreSQL needs the npm package pg, which did not load");
    expect(result.stderr).toContain("npm install pg@8");
  });
});
