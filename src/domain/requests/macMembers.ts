import { macAlgorithms } from "../keyAlgorithms.js";
import { readGrantTokens } from "./memberRules.js";
import { present } from "./present.js";
import type { RequestReader } from "./requestReader.js";

/** `MacAlgorithmSpec`, as in the AWS model: the algorithm of each HMAC key spec. */
export const macAlgorithmValues = macAlgorithms;

/** A `MacAlgorithmSpec` value. */
export type MacAlgorithmSpec = (typeof macAlgorithmValues)[number];

/** The members GenerateMac and VerifyMac share, once read. */
export interface MacMembers {
  readonly message: Uint8Array;
  readonly macAlgorithm: MacAlgorithmSpec;
  readonly dryRun: boolean;
}

/**
 * Reads `Message` (1–4096 bytes), `MacAlgorithm`, `GrantTokens` and `DryRun`; returns the
 * builder of what was read.
 */
export function readMacMembers(reader: RequestReader): () => MacMembers {
  const message = reader.blob("Message", { required: true, min: 1, max: 4096 });
  const macAlgorithm = reader.enumValue("MacAlgorithm", macAlgorithmValues, true);
  readGrantTokens(reader);
  const dryRun = reader.boolean("DryRun");
  return () => ({
    message: present(message),
    macAlgorithm: present(macAlgorithm),
    dryRun: dryRun ?? false,
  });
}
