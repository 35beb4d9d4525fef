import type { DescribeKeyResponse } from "../../domain/requests/describeKey.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { holdsAllMaterial } from "../model/modelMaterials.js";
import { differences } from "./differences.js";
import { kindDifferences } from "./kindDifferences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** DescribeKey: every member the model knows — state, origin, expiry, deletion date, material ID. */
export class DescribeKeyCommand extends StepCommand {
  constructor(readonly key: KeyRef) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<DescribeKeyResponse>> {
    return describeKeyStep(system, this.key, this.toString());
  }

  toString(): string {
    return `DescribeKey(${showKeyRef(this.key)})`;
  }
}

/** A DescribeKey of `ref`, checked against the model's idea of the key. */
export function describeKeyStep(
  system: KmsSystem,
  ref: KeyRef,
  label: string,
): Step<DescribeKeyResponse> {
  return {
    label,
    predict: (state) => {
      const found = lookUpKey(state, ref, "resolve");
      if (typeof found === "string") return { error: found };
      const { index, key } = found;
      const external = key.origin === "EXTERNAL" && holdsAllMaterial(key);
      const validTo = key.material?.validTo;
      const expected = {
        KeyId: system.keys[index]?.keyId,
        Arn: system.keys[index]?.arn,
        KeyState: key.state,
        Enabled: key.state === "Enabled",
        Origin: key.origin,
        Description: key.description,
        CreationDate: key.creationDate,
        AWSAccountId: system.accountId,
        ExpirationModel: external
          ? validTo === undefined
            ? "KEY_MATERIAL_DOES_NOT_EXPIRE"
            : "KEY_MATERIAL_EXPIRES"
          : undefined,
        ValidTo: external ? validTo : undefined,
        DeletionDate: key.state === "PendingDeletion" ? key.deletionDate : undefined,
      };
      // docs/decisions/0031-hmac-and-asymmetric-import.md: an HMAC, RSA or ECC key shows no material ID.
      const bound = key.kind === undefined ? key.bound : undefined;
      const expiries = key.expiries.map((validTo) => validTo.toISOString()).join(", ");
      return {
        check: ({ KeyMetadata: metadata }) => {
          const problems = [...differences(metadata, expected), ...kindDifferences(metadata, key)];
          const audited = auditedExpiries(system, index);
          if (audited !== undefined && audited !== expiries) {
            problems.push(`audited expiries [${audited}], expected [${expiries}]`);
          }
          if (bound === undefined) {
            if (metadata.CurrentKeyMaterialId !== undefined) {
              problems.push(
                key.kind === undefined
                  ? "CurrentKeyMaterialId is present before any material was imported"
                  : `CurrentKeyMaterialId is present for a ${key.kind.spec} key`,
              );
            }
          } else {
            problems.push(...system.checkMaterialId(index, bound, metadata.CurrentKeyMaterialId));
          }
          return problems;
        },
      };
    },
    run: () => outcomeOf(system.kms.describeKey({ KeyId: system.keyIdOf(ref) })),
  };
}

/** The times of the DeleteExpiredKeyMaterial events audited for a key, when audit is checked. */
function auditedExpiries(system: KmsSystem, index: number): string | undefined {
  const arn = system.keys[index]?.arn;
  return system.audited
    ?.filter((event) => event.eventName === "DeleteExpiredKeyMaterial" && event.keyArn === arn)
    .map((event) => event.eventTime.toISOString())
    .join(", ");
}
