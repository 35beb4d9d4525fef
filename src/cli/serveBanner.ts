import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import type { KmsCredential } from "../http/index.js";
import type { PrefilledWrappingKeys } from "./prefillWrappingKeys.js";

/** What the endpoint of `kms-byok serve` turned out to be. */
export interface ServeBannerInput {
  /** The URL clients are given, e.g. `http://127.0.0.1:4599`. */
  readonly url: string;
  /** The address and port bound, when they are not the URL's (`0.0.0.0:4599`). */
  readonly boundTo: string | undefined;
  readonly region: string;
  /** The account of open local mode. */
  readonly accountId: string;
  readonly behaviour: BehaviourProfile;
  readonly credentials: readonly KmsCredential[];
  readonly credentialsFile: string | undefined;
  /** Where keys are kept, as a sentence. */
  readonly keptIn: string;
  /** The wrapping key pools filled before the server reported ready. */
  readonly wrappingKeys: PrefilledWrappingKeys;
  /** How many wrapping key pairs of one spec are generated on demand at once, at most. */
  readonly onDemandLimit: number;
}

const behaviourLines: Readonly<Record<BehaviourProfile, string>> = {
  classic: "classic: the import-key-material man page (symmetric keys, one material per key)",
  current: "current: AWS KMS today (rotation of imported material, HMAC and asymmetric imports)",
};

/**
 * The text `kms-byok serve` prints once it is ready: the endpoint, the mode and what it means
 * for security, the environment to set, and an AWS CLI line to paste.
 */
export function serveBanner(input: ServeBannerInput): string {
  const { url, region } = input;
  const listening = input.boundTo === undefined ? "" : `  (bound to ${input.boundTo})`;
  const lines = [
    "kms-byok serve: a local AWS KMS endpoint is ready",
    "",
    `  Endpoint:  ${url}${listening}`,
    `  Region:    ${region}`,
    `  Behaviour: ${behaviourLines[input.behaviour]}`,
    ...wrappingKeyLines(input.wrappingKeys, input.onDemandLimit),
  ];
  if (input.credentials.length === 0) {
    lines.push(
      `  Mode:      open local mode: request signatures are NOT checked; every well-formed`,
      `             SigV4 request is accepted and acts for account ${input.accountId}.`,
      "             Only loopback is bound, so only this machine can connect.",
      "",
      "Set these in your shell (open local mode accepts any access key):",
      `  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=${region}`,
    );
  } else {
    const accounts = [...new Set(input.credentials.map((c) => c.accountId))];
    const count = input.credentials.length;
    lines.push(
      `  Mode:      verified: every request's SigV4 signature is checked against ${count} ${plural(count, "credential")}`,
      `             from ${input.credentialsFile ?? "--credentials"}, for ${accounts.length} ${plural(accounts.length, "account")} (${accounts.join(", ")});`,
      "             each access key sees only its own account's keys.",
      "",
      `Sign with one of those access keys for Region ${region} (AWS_DEFAULT_REGION=${region}).`,
    );
  }
  lines.push(
    "",
    "Then try:",
    `  aws --endpoint-url ${url} kms create-key --origin EXTERNAL`,
    "",
    input.keptIn,
    "Press Ctrl+C to stop.",
    "",
  );
  return lines.join("\n");
}

/** What the wrapping key pools hold, how long they took, and what a request finding none gets. */
function wrappingKeyLines(keys: PrefilledWrappingKeys, onDemandLimit: number): string[] {
  const ready = keys.ready.map(({ spec, count }) => `${spec} ${count}/${keys.poolSize}`);
  return [
    `  Wrapping:  ${ready.join(", ")} key pairs ready (prefilled in ${(keys.elapsedMs / 1_000).toFixed(1)} s);`,
    `             other specs fill to ${keys.poolSize} after their first use. With none ready, up to`,
    `             ${onDemandLimit} per spec are generated on demand; more requests get ThrottlingException.`,
  ];
}

function plural(count: number, noun: string): string {
  return count === 1 ? noun : `${noun}s`;
}
