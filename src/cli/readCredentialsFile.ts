import { readFileSync } from "node:fs";
import { err, ok, type Result } from "neverthrow";
import type { KmsCredential } from "../http/index.js";
import { fileErrorMessage } from "./fileErrorMessage.js";

const members = ["accessKeyId", "secretAccessKey", "accountId"] as const;

/**
 * Reads the `--credentials` file of `kms-byok serve`: a JSON array of
 * `{"accessKeyId", "secretAccessKey", "accountId"}`, at least one, each access key once, each
 * account ID 12 digits. The error names the file and what is wrong with it, never a secret.
 */
export function readCredentialsFile(path: string): Result<readonly KmsCredential[], string> {
  const problem = (what: string) => err(`--credentials ${path}: ${what}`);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return problem(fileErrorMessage(error));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return problem(`not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(parsed)) {
    return problem(
      'must hold a JSON array of {"accessKeyId", "secretAccessKey", "accountId"} objects',
    );
  }
  if (parsed.length === 0) {
    return problem("lists no credentials (leave out --credentials to run in open local mode)");
  }
  const credentials: KmsCredential[] = [];
  const seen = new Map<string, number>();
  for (const [index, entry] of parsed.entries()) {
    const at = `entry [${index}]`;
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      return problem(`${at} is not an object`);
    }
    const record = entry as Record<string, unknown>;
    const unknown = Object.keys(record).find(
      (key) => !(members as readonly string[]).includes(key),
    );
    if (unknown !== undefined) {
      return problem(
        `${at} has an unknown member "${unknown}" (expected "accessKeyId", "secretAccessKey", "accountId")`,
      );
    }
    for (const member of members) {
      const value = record[member];
      if (typeof value !== "string" || value === "") {
        return problem(`${at}: "${member}" must be a non-empty string`);
      }
    }
    const credential = record as unknown as KmsCredential;
    if (!/^\d{12}$/.test(credential.accountId)) {
      return problem(`${at}: "accountId" must be 12 digits, not "${credential.accountId}"`);
    }
    const earlier = seen.get(credential.accessKeyId);
    if (earlier !== undefined) {
      return problem(
        `${at}: the access key ${credential.accessKeyId} is already in entry [${earlier}]`,
      );
    }
    seen.set(credential.accessKeyId, index);
    credentials.push({
      accessKeyId: credential.accessKeyId,
      secretAccessKey: credential.secretAccessKey,
      accountId: credential.accountId,
    });
  }
  return ok(credentials);
}
