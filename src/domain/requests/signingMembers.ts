import { ecdsaSigningAlgorithms, rsaSigningAlgorithms } from "../keyAlgorithms.js";
import { readGrantTokens } from "./memberRules.js";
import { present } from "./present.js";
import type { RequestReader } from "./requestReader.js";

/** `SigningAlgorithmSpec`, as in the AWS model; kms-byok's keys offer the RSA and ECDSA ones. */
export const signingAlgorithmValues = [
  ...rsaSigningAlgorithms,
  ...ecdsaSigningAlgorithms,
  "SM2DSA",
  "ML_DSA_SHAKE_256",
  "ED25519_SHA_512",
  "ED25519_PH_SHA_512",
] as const;

/** A `SigningAlgorithmSpec` value. */
export type SigningAlgorithmSpec = (typeof signingAlgorithmValues)[number];

/** `MessageType`, as in the AWS model; `EXTERNAL_MU` is for ML-DSA keys only. */
export const messageTypeValues = ["RAW", "DIGEST", "EXTERNAL_MU"] as const;

/** The members Sign and Verify share, once read. */
export interface SigningMembers {
  readonly message: Uint8Array;
  readonly messageType: (typeof messageTypeValues)[number];
  readonly signingAlgorithm: SigningAlgorithmSpec;
  readonly dryRun: boolean;
}

/**
 * Reads `Message` (1–4096 bytes), `MessageType` (`RAW` by default), `SigningAlgorithm`,
 * `GrantTokens` and `DryRun`; returns the builder of what was read.
 */
export function readSigningMembers(reader: RequestReader): () => SigningMembers {
  const message = reader.blob("Message", { required: true, min: 1, max: 4096 });
  const messageType = reader.enumValue("MessageType", messageTypeValues);
  const signingAlgorithm = reader.enumValue("SigningAlgorithm", signingAlgorithmValues, true);
  readGrantTokens(reader);
  const dryRun = reader.boolean("DryRun");
  return () => ({
    message: present(message),
    messageType: messageType ?? "RAW",
    signingAlgorithm: present(signingAlgorithm),
    dryRun: dryRun ?? false,
  });
}

/** The message types kms-byok signs: `EXTERNAL_MU` belongs to ML-DSA keys, which it has not. */
export const isModelledMessageType = (
  type: SigningMembers["messageType"],
): type is "RAW" | "DIGEST" => type !== "EXTERNAL_MU";
