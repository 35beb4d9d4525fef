import type {
  IncludeKeyMaterial,
  ListKeyRotationsResponse,
  RotationsListEntry,
} from "../../domain/requests/listKeyRotations.js";
import { type KeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import type { ModelKey, ModelMaterial } from "../model/modelState.js";
import { allPages } from "./allPages.js";
import { differences } from "./differences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import type { Step } from "./step.js";

/** One material of a model key as ListKeyRotations lists it. */
interface ListedMaterial {
  readonly material: ModelMaterial;
  readonly state: RotationsListEntry["KeyMaterialState"];
  readonly held: { readonly validTo?: Date } | undefined;
  readonly rotatedAt: Date | undefined;
}

/**
 * ListKeyRotations (docs/decisions/0030-rotation-of-imported-material.md), every page: the key's materials oldest first, each with its
 * state, import state, expiry and rotation date; in any key state.
 */
export class ListKeyRotationsCommand extends StepCommand {
  constructor(
    readonly key: KeyRef,
    readonly include: IncludeKeyMaterial | undefined,
    readonly limit: number,
  ) {
    super();
  }

  async prepare(
    _model: KmsModel,
    system: KmsSystem,
  ): Promise<Step<readonly ListKeyRotationsResponse[]>> {
    return listKeyRotationsStep(system, this.key, this.include, this.limit, this.toString());
  }

  toString(): string {
    return `ListKeyRotations(${showKeyRef(this.key)}, ${this.include ?? "default"}, Limit ${this.limit}, every page)`;
  }
}

/** Every page of a ListKeyRotations of `ref`, checked against the model's idea of the key. */
export function listKeyRotationsStep(
  system: KmsSystem,
  ref: KeyRef,
  include: IncludeKeyMaterial | undefined,
  limit: number,
  label: string,
): Step<readonly ListKeyRotationsResponse[]> {
  return {
    label,
    predict: (state) => {
      const found = lookUpKey(state, ref);
      if (typeof found === "string") return { error: found };
      const { index, key } = found;
      // docs/decisions/0031-hmac-and-asymmetric-import.md: the material of an HMAC, RSA or ECC key never rotates.
      if (key.kind !== undefined) {
        return {
          error: include === undefined ? "UnsupportedOperationException" : "ValidationException",
        };
      }
      const expected = listedMaterials(key).filter(
        (m) => include === "ALL_KEY_MATERIAL" || m.rotatedAt !== undefined,
      );
      const external = key.origin === "EXTERNAL";
      return {
        check: (pages) => {
          const problems: string[] = [];
          if (pages.some((page) => page.Rotations.length > limit))
            problems.push(`a page has more than ${limit} entries`);
          const listed = pages.flatMap((page) => page.Rotations);
          if (listed.length !== expected.length)
            return [...problems, `listed ${listed.length} materials, expected ${expected.length}`];
          expected.forEach((m, n) => {
            const entry = listed[n];
            problems.push(
              ...differences(entry ?? {}, {
                KeyId: system.keys[index]?.arn,
                KeyMaterialState: m.state,
                ImportState: external ? (m.held ? "IMPORTED" : "PENDING_IMPORT") : undefined,
                ExpirationModel:
                  external && m.held
                    ? m.held.validTo === undefined
                      ? "KEY_MATERIAL_DOES_NOT_EXPIRE"
                      : "KEY_MATERIAL_EXPIRES"
                    : undefined,
                ValidTo: m.held?.validTo,
                RotationDate: m.rotatedAt,
                RotationType: m.rotatedAt === undefined ? undefined : "ON_DEMAND",
                KeyMaterialDescription: undefined,
              }).map((problem) => `entry ${n}: ${problem}`),
              ...system.checkMaterialId(index, m.material, entry?.KeyMaterialId),
            );
          });
          return problems;
        },
      };
    },
    run: () =>
      allPages((marker) =>
        system.kms.listKeyRotations({
          KeyId: system.keyIdOf(ref),
          Limit: limit,
          ...(include === undefined ? {} : { IncludeKeyMaterial: include }),
          ...marker,
        }),
      ),
  };
}

/** Every material of the key, oldest first: the first, rotated ones by date, the pending one last. */
function listedMaterials(key: ModelKey): ListedMaterial[] {
  const others = (key.others ?? []).map((o) => ({
    material: o.material,
    state: o.state,
    held: o.held,
    rotatedAt: o.rotatedAt,
  }));
  const current: ListedMaterial[] =
    key.bound === undefined
      ? []
      : [{ material: key.bound, state: "CURRENT", held: key.material, rotatedAt: key.rotatedAt }];
  const age = (m: ListedMaterial) =>
    m.state === "PENDING_ROTATION"
      ? Number.POSITIVE_INFINITY
      : (m.rotatedAt?.getTime() ?? Number.NEGATIVE_INFINITY);
  return [...others, ...current].sort((a, b) => age(a) - age(b));
}
