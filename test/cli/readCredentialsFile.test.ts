import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCredentialsFile } from "../../src/cli/readCredentialsFile.js";

const directory = mkdtempSync(join(tmpdir(), "kms-byok-credentials-"));
let files = 0;
const fileWith = (text: string) => {
  const path = join(directory, `credentials-${files++}.json`);
  writeFileSync(path, text);
  return path;
};
const alpha = {
  accessKeyId: "AKIDALPHA",
  secretAccessKey: "alpha-secret",
  accountId: "111111111111",
};

describe("readCredentialsFile", () => {
  it("reads an array of access keys, secrets and 12-digit accounts", () => {
    const bravo = {
      accessKeyId: "AKIDBRAVO",
      secretAccessKey: "bravo-secret",
      accountId: "222222222222",
    };
    const path = fileWith(JSON.stringify([alpha, bravo]));

    expect(readCredentialsFile(path)._unsafeUnwrap()).toEqual([alpha, bravo]);
  });

  it.each([
    ["is not valid JSON", "[{", /^not valid JSON \(/],
    ["holds an object instead of an array", JSON.stringify(alpha), /^must hold a JSON array of/],
    ["lists no credentials", "[]", /^lists no credentials \(leave out --credentials/],
    ["has an entry that is not an object", '["AKIDALPHA"]', /^entry \[0\] is not an object$/],
    [
      "misses a member",
      JSON.stringify([{ accessKeyId: "AKID", accountId: "111111111111" }]),
      /^entry \[0\]: "secretAccessKey" must be a non-empty string$/,
    ],
    [
      "has an empty access key",
      JSON.stringify([{ ...alpha, accessKeyId: "" }]),
      /^entry \[0\]: "accessKeyId" must be a non-empty string$/,
    ],
    [
      "has a number for an account",
      JSON.stringify([{ ...alpha, accountId: 111111111111 }]),
      /^entry \[0\]: "accountId" must be a non-empty string$/,
    ],
    [
      "has an account ID that is not 12 digits",
      JSON.stringify([alpha, { ...alpha, accessKeyId: "AKIDBRAVO", accountId: "1234" }]),
      /^entry \[1\]: "accountId" must be 12 digits, not "1234"$/,
    ],
    [
      "has a misspelt member",
      JSON.stringify([{ ...alpha, accountID: "111111111111" }]),
      /^entry \[0\] has an unknown member "accountID"/,
    ],
    [
      "lists an access key twice",
      JSON.stringify([alpha, { ...alpha, accountId: "222222222222" }]),
      /^entry \[1\]: the access key AKIDALPHA is already in entry \[0\]$/,
    ],
  ])("refuses a file that %s, naming the file", (_, text, problem) => {
    const path = fileWith(text);
    const error = readCredentialsFile(path)._unsafeUnwrapErr();

    expect(error.startsWith(`--credentials ${path}: `)).toBe(true);
    expect(error.slice(`--credentials ${path}: `.length)).toMatch(problem);
    expect(error).not.toContain("alpha-secret");
  });

  it("says when the file does not exist", () => {
    const path = join(directory, "missing.json");

    expect(readCredentialsFile(path)._unsafeUnwrapErr()).toBe(
      `--credentials ${path}: no such file or directory`,
    );
  });

  it("says when the path is a directory", () => {
    expect(readCredentialsFile(directory)._unsafeUnwrapErr()).toBe(
      `--credentials ${directory}: is a directory`,
    );
  });
});
