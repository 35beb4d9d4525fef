import fc from "fast-check";
import type { BehaviourProfile } from "../domain/behaviourProfile.js";
import type { KeyEvent } from "../domain/keyEvent.js";
import { defaultRotationLimit } from "../domain/materialRotation.js";
import type { AuditSink } from "../ports/auditSink.js";
import type { Kms } from "../service/kms.js";
import type { KmsCommand } from "./commands/kmsCommand.js";
import { type KmsCommandsConstraints, kmsCommands } from "./kmsCommands.js";
import { KmsModelFailure } from "./kmsModelFailure.js";
import { kmsModelSetup } from "./kmsModelSetup.js";
import { type ManualClock, manualClock } from "./manualClock.js";

/** What a target is built with: it must read time from `clock` and serve `accountId` and `region`. */
export interface KmsModelEnvironment {
  readonly clock: ManualClock;
  readonly accountId: string;
  readonly region: string;
  /** Give it to the target as its audit sink to have the audit trail checked too (docs/decisions/0012-lazy-time-from-a-clock-port.md). */
  readonly audit: AuditSink;
  /** The profile the target must apply (`createKms({ behaviour })`). */
  readonly behaviour: BehaviourProfile;
  /** The limit of on-demand rotations the target must apply (`createKms({ onDemandRotationLimit })`). */
  readonly onDemandRotationLimit: number;
}

/** A target with something to release after its run (a server, a connection). */
export interface KmsUnderTest {
  readonly kms: Kms;
  /** Called once after the sequence ran, whether it passed or failed. */
  close?(): void | Promise<void>;
}

/** Builds a fresh, empty target for each sequence of a model run. */
export type KmsTarget = (
  environment: KmsModelEnvironment,
) => Kms | KmsUnderTest | Promise<Kms | KmsUnderTest>;

/** Options of {@link runKmsModel}. */
export interface RunKmsModelOptions extends KmsCommandsConstraints {
  /** Default `111122223333`. */
  readonly accountId?: string;
  /** Default `us-east-1`. */
  readonly region?: string;
  /** The limit of on-demand rotations of the target; default 25, as `createKms`'s. */
  readonly onDemandRotationLimit?: number;
  /** The clock's start; default 2026-01-01T00:00:00Z. */
  readonly start?: Date;
  /** Sequences to run; fast-check's global setting (100) when absent. */
  readonly numRuns?: number;
  /** Replays a failure: the `seed` and `path` a {@link KmsModelFailure} reports. */
  readonly seed?: number;
  readonly path?: string;
  /** Any other fast-check parameters (`verbose`, `endOnFailure`, `interruptAfterTimeLimit`…). */
  readonly parameters?: Omit<
    fc.Parameters<[number, Iterable<KmsCommand>]>,
    "numRuns" | "seed" | "path"
  >;
}

/**
 * Runs random sequences of every KMS operation, interleaved with the passage of time and with
 * pairs of concurrent writes, against `target` and against an independent reference model of
 * the rules of `behaviour` (`classic` by default; the target must be created with the same, as
 * the environment says), and compares every response and error name. Each sequence gets a fresh target
 * built with a {@link ManualClock} it must use, and starts with two `EXTERNAL` keys and one
 * `AWS_KMS` key.
 *
 * Resolves when every sequence agrees; otherwise rejects with a {@link KmsModelFailure} that
 * holds the shrunk counterexample (the shortest failing sequence fast-check found), the seed and
 * the path to replay it.
 *
 * @example
 * ```ts
 * import { createKms } from "kms-byok";
 * import { runKmsModel, testCrypto } from "kms-byok/testing";
 *
 * it("agrees with the reference model", async () => {
 *   await runKmsModel(({ clock }) => createKms({ clock, crypto: testCrypto() }), { numRuns: 200 });
 * });
 * ```
 */
export async function runKmsModel(
  target: KmsTarget,
  options: RunKmsModelOptions = {},
): Promise<void> {
  const accountId = options.accountId ?? "111122223333";
  const region = options.region ?? "us-east-1";
  const start = options.start ?? new Date("2026-01-01T00:00:00.000Z");
  const rules = {
    behaviour: options.behaviour ?? "classic",
    onDemandRotationLimit: options.onDemandRotationLimit ?? defaultRotationLimit,
  };
  const property = fc.asyncProperty(
    fc.nat(),
    kmsCommands(options),
    async (materialSeed, commands) => {
      const opened: KmsUnderTest[] = [];
      const setup = async () => {
        const clock = manualClock(start);
        const audited: KeyEvent[] = [];
        const audit: AuditSink = { record: (event) => audited.push(event) };
        const made = await target({ clock, accountId, region, audit, ...rules });
        const underTest: KmsUnderTest = "kms" in made ? made : { kms: made };
        opened.push(underTest);
        return kmsModelSetup(underTest.kms, {
          clock,
          accountId,
          region,
          materialSeed,
          audited,
          ...rules,
        })();
      };
      try {
        await fc.asyncModelRun(setup, commands);
      } finally {
        for (const underTest of opened) await underTest.close?.();
      }
    },
  );
  const details = await fc.check(property, {
    ...options.parameters,
    ...(options.numRuns === undefined ? {} : { numRuns: options.numRuns }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
  });
  if (details.failed) throw new KmsModelFailure(details, ranCommands(details.counterexample?.[1]));
}

/** The commands of a counterexample that ran, as fast-check prints them. */
function ranCommands(commands: Iterable<KmsCommand> | undefined): string[] {
  if (commands === undefined) return [];
  return Array.from(commands as Iterable<KmsCommand & { readonly hasRan?: boolean }>)
    .filter((command) => command.hasRan !== false)
    .map((command) => command.toString());
}
