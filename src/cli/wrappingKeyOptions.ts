import { availableParallelism } from "node:os";
import { err, ok, type Result } from "neverthrow";
import type { NodeCryptoOptions } from "../adapters/nodeCrypto.js";
import { type SupportedWrappingKeySpec, wrappingKeyBits } from "../domain/wrappingTable.js";

/** The wrapping key pools of `kms-byok serve`, from `--warm` and `--pool-size`. */
export interface WrappingKeyOptions {
  /** The specs whose pools are full before the server reports ready; RSA_2048 by default. */
  readonly warm: readonly SupportedWrappingKeySpec[];
  /** Ready key pairs kept per spec; 3 by default. */
  readonly poolSize: number;
}

/** The largest `--pool-size`: 1000 RSA_4096 pairs take 8 to 11 minutes of two cores to make. */
export const maxPoolSize = 1_000;

const usage =
  "list RSA_2048, RSA_3072 or RSA_4096, separated by commas (e.g. --warm RSA_2048,RSA_4096)";

/**
 * Checks `--warm SPEC,SPEC…` (each one of RSA_2048, RSA_3072, RSA_4096; RSA_2048 when absent)
 * and `--pool-size N` (a whole number from 1 to {@link maxPoolSize}; 3 when absent).
 * The error names the option, the value and what it must be.
 */
export function wrappingKeyOptions(values: {
  readonly warm?: string | undefined;
  readonly "pool-size"?: string | undefined;
}): Result<WrappingKeyOptions, string> {
  const { warm = "RSA_2048", "pool-size": poolSize = "3" } = values;
  const specs = warm.split(",").map((entry) => entry.trim());
  const unknown = specs.find((spec) => !Object.hasOwn(wrappingKeyBits, spec));
  if (unknown !== undefined) {
    const what = unknown === "" ? "an empty name" : `'${unknown}'`;
    return err(`--warm ${warm}: ${what} is not a wrapping key spec; ${usage}`);
  }
  if (!/^\d{1,4}$/.test(poolSize) || Number(poolSize) < 1 || Number(poolSize) > maxPoolSize) {
    return err(
      `--pool-size ${poolSize}: must be a whole number from 1 to ${maxPoolSize} (the ready wrapping key pairs kept per spec)`,
    );
  }
  return ok({
    warm: [...new Set(specs as SupportedWrappingKeySpec[])],
    poolSize: Number(poolSize),
  });
}

/**
 * How `kms-byok serve` configures `nodeCrypto`'s wrapping key pool: `poolSize` pairs per spec,
 * filled `cores` at a time, and at most `cores` pairs per spec generated on demand at once, the
 * requests beyond that answered `ThrottlingException` (docs/decisions/0032-throttle-cold-wrapping-keys.md).
 */
export function serveCryptoOptions(
  options: WrappingKeyOptions,
  cores: number = availableParallelism(),
): Required<
  Pick<
    NodeCryptoOptions,
    "wrappingKeyPoolSize" | "wrappingKeyGenerators" | "maxOnDemandWrappingKeys"
  >
> {
  return {
    wrappingKeyPoolSize: options.poolSize,
    wrappingKeyGenerators: cores,
    maxOnDemandWrappingKeys: cores,
  };
}
