import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import type { SupportedWrappingKeySpec } from "../domain/wrappingTable.js";

/** Which commands {@link kmsCommands} generates. */
export interface KmsCommandsConstraints {
  /** The most commands in one sequence; default 40. */
  readonly maxCommands?: number;
  /**
   * The wrapping key specs of the import commands; default `["RSA_2048"]`. Larger keys cost a
   * key generation per GetParametersForImport unless the target reuses or pools its key pairs.
   */
  readonly wrappingKeySpecs?: readonly SupportedWrappingKeySpec[];
  /**
   * The behaviour profile of the target (docs/decisions/0029-behaviour-profiles.md); default
   * `classic`. The commands lean towards what the profile can do.
   */
  readonly behaviour?: BehaviourProfile;
  /** Whether to start two operations at the same time now and then; default `true`. */
  readonly concurrency?: boolean;
  /** Replays a failure: the `replayPath` a {@link KmsModelFailure} reports (with its seed and path). */
  readonly replayPath?: string;
}
