import { describe, expect, it } from "vitest";
import { redactDatabaseUrl } from "../../src/sql/redactDatabaseUrl.js";

describe("redactDatabaseUrl", () => {
  it.each([
    ["postgres://kms:s3cret@db:5432/kms", "postgres://kms:***@db:5432/kms"],
    ["postgresql://kms@db/kms", "postgresql://kms@db/kms"],
    [
      "postgres://db/kms?password=s3cret&sslmode=require",
      "postgres://db/kms?password=***&sslmode=require",
    ],
    ["postgres://k%40ms:p%40ss@db/kms", "postgres://k%40ms:***@db/kms"],
  ])("shows %s as %s", (url, shown) => {
    expect(redactDatabaseUrl(url)).toBe(shown);
  });

  it.each([
    [
      "postgres://kms:s3cret@/kms?host=/run/postgresql",
      "postgres://kms:***@/kms?host=/run/postgresql",
    ],
    ["host=db user=kms password=s3cret", "host=db user=kms password=***"],
  ])("redacts %s, which new URL cannot parse, as %s", (url, shown) => {
    expect(redactDatabaseUrl(url)).toBe(shown);
  });
});
