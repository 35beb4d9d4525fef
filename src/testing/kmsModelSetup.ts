import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import type { KeyEvent } from "../domain/keyEvent.js";
import { defaultRotationLimit } from "../domain/materialRotation.js";
import type { Kms } from "../service/kms.js";
import { CreateKeyCommand } from "./commands/createKeyCommand.js";
import type { KmsModel } from "./commands/kmsCommand.js";
import { KmsSystem } from "./commands/kmsSystem.js";
import { modelMaterials } from "./commands/modelMaterials.js";
import type { ManualClock } from "./manualClock.js";
import { emptyModel } from "./model/modelState.js";

/** What {@link kmsModelSetup} needs besides the target. */
export interface KmsModelSetupOptions {
  /** The clock `kms` reads; the model starts at its current time. */
  readonly clock: ManualClock;
  /** The account and Region `kms` serves; defaults `111122223333` and `us-east-1`. */
  readonly accountId?: string;
  readonly region?: string;
  /** The profile `kms` applies; default `classic`. */
  readonly behaviour?: BehaviourProfile;
  /** The limit of on-demand rotations `kms` applies; default 25. */
  readonly onDemandRotationLimit?: number;
  /** Picks the run's three distinct 32-byte key materials (and those of HMAC and ECC keys); default 0. */
  readonly materialSeed?: number;
  /**
   * What the target's audit sink received, as it grows. When the setup's CreateKey calls show
   * up in it, DescribeKey also checks the audit trail: one `DeleteExpiredKeyMaterial` per
   * expiry, timed at its `ValidTo` (docs/decisions/0012-lazy-time-from-a-clock-port.md).
   */
  readonly audited?: readonly KeyEvent[];
}

/**
 * The setup of a model run for `fc.asyncModelRun`: a fresh reference model and the system
 * under test around `kms`, with two `EXTERNAL` keys and one `AWS_KMS` key created in both (and
 * checked). {@link runKmsModel} uses it; use it yourself to mix {@link kmsCommands} with your
 * own commands.
 *
 * @example
 * ```ts
 * await fc.assert(fc.asyncProperty(kmsCommands(), async (commands) => {
 *   const clock = manualClock();
 *   const kms = createKms({ clock, crypto: testCrypto() });
 *   await fc.asyncModelRun(kmsModelSetup(kms, { clock }), commands);
 * }));
 * ```
 */
export function kmsModelSetup(
  kms: Kms,
  options: KmsModelSetupOptions,
): () => Promise<{ model: KmsModel; real: KmsSystem }> {
  const { clock, accountId = "111122223333", region = "us-east-1", materialSeed = 0 } = options;
  const { audited, behaviour = "classic", onDemandRotationLimit = defaultRotationLimit } = options;
  return async () => {
    const rules = { behaviour, rotationLimit: onDemandRotationLimit };
    const model: KmsModel = { state: emptyModel(clock.now(), rules) };
    const real = new KmsSystem(
      kms,
      clock,
      accountId,
      region,
      modelMaterials(materialSeed),
      materialSeed,
    );
    for (const origin of ["EXTERNAL", "EXTERNAL", "AWS_KMS"] as const) {
      await new CreateKeyCommand(origin).run(model, real);
    }
    if (audited !== undefined && audited.length > 0) real.audited = audited;
    return { model, real };
  };
}
