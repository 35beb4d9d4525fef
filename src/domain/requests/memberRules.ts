import type { KeyScope } from "../keyArn.js";
import type { RequestReader } from "./requestReader.js";

/** What request validation needs besides the request: the account and Region, and the time. */
export interface RequestContext {
  readonly scope: KeyScope;
  readonly now: Date;
}

/** `KeyIdType`: a required string of 1–2048 characters. */
export const keyIdRule = { required: true, min: 1, max: 2048 } as const;

/** Reads `GrantTokens` (0–10 tokens of 1–8192 characters). kms-byok has no grants, so they only get validated. */
export function readGrantTokens(reader: RequestReader): void {
  reader.stringList("GrantTokens", { maxItems: 10, item: { min: 1, max: 8192 } });
}
