import { type KmsError, kmsError } from "../domain/kmsError.js";
import type { SupportedWrappingKeySpec } from "../domain/wrappingTable.js";

/**
 * The `ThrottlingException` of a GetParametersForImport that found no ready wrapping key pair
 * of `spec` while `generating` pairs of it were already being generated on demand
 * (docs/decisions/0032-throttle-cold-wrapping-keys.md). AWS answers a request over its rate
 * quota with `ThrottlingException` (HTTP 400) and the AWS CLI and SDKs retry it by themselves.
 */
export function wrappingKeyThrottled(spec: SupportedWrappingKeySpec, generating: number): KmsError {
  return kmsError(
    "ThrottlingException",
    `Rate exceeded: no ${spec} wrapping key is ready and ${generating} ${generating === 1 ? "is" : "are"} being generated; ` +
      `retry the request (the pool refills in the background), or warm the ${spec} pool ahead of time (kms-byok serve --warm ${spec}).`,
  );
}
