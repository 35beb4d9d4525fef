import { afterAll, afterEach, describe, it } from "vitest";
import { keyStoreContract } from "../../src/testing/keyStoreContract.js";
import { describeWithPostgres } from "../support/postgres/postgresUrl.js";
import { postgresEngine, type SqlStoreEngine, sqliteEngine } from "./sqlStoreEngines.js";

function keepsTheContract(engine: SqlStoreEngine): void {
  // Closed after each check, not only at the end: every check's idle pool would otherwise crowd
  // the PostgreSQL server the other test files share (100 connections).
  afterEach(() => engine.closeStores());
  afterAll(() => engine.cleanUp());
  for (const check of keyStoreContract(() => engine.fresh(), { openAgain: engine.openAgain })) {
    it(check.name, check.run);
  }
}

describe("the SQLite key store keeps the KeyStore contract", () => {
  keepsTheContract(sqliteEngine());
});

describeWithPostgres("the PostgreSQL key store keeps the KeyStore contract", (url) => {
  keepsTheContract(postgresEngine(url));
});
