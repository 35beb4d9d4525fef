import type { KmsErrorName } from "../../domain/kmsError.js";
import type { CreateKeyRequest, CreateKeyResponse } from "../../domain/requests/createKey.js";
import { type ModelKeyKind, modelKeyKinds } from "../model/modelKeyKinds.js";
import type { ModelKey, ModelState, ModelTag } from "../model/modelState.js";
import { differences } from "./differences.js";
import { modelPolicies } from "./keyPolicyCommands.js";
import { kindDifferences } from "./kindDifferences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";
import { showTags, tagRefusal } from "./tagChoices.js";

/** The origins a CreateKey command asks for; only EXTERNAL and AWS_KMS are supported (docs/decisions/0001-symmetric-keys-only.md). */
export type CreateKeyOrigin = "EXTERNAL" | "AWS_KMS" | "AWS_CLOUDHSM" | "EXTERNAL_KEY_STORE";

/**
 * The `KeySpec` and `KeyUsage` a CreateKey command sends for an HMAC, RSA or ECC key: a usage the
 * spec allows, none, or one it does not allow.
 */
export interface CreateKeyKind {
  readonly spec: ModelKeyKind["spec"];
  readonly usage: ModelKeyKind["usage"] | "missing";
}

/**
 * CreateKey: an EXTERNAL key waits in PendingImport; an AWS_KMS key is Enabled with its own
 * material. The current profile also creates HMAC, RSA and ECC keys with Origin EXTERNAL
 * (docs/decisions/0031-hmac-and-asymmetric-import.md).
 */
export class CreateKeyCommand extends StepCommand {
  constructor(
    readonly origin: CreateKeyOrigin,
    /** Sent as `Description` when given; the key's description is then this, else "". */
    readonly description?: string,
    /** Sent as `Tags` when given. */
    readonly tags?: readonly ModelTag[],
    /** Sent as `Policy` when given: a position in `modelPolicies`. */
    readonly policy?: number,
    /** Sent as `KeySpec` and `KeyUsage` when given. */
    readonly kind?: CreateKeyKind,
  ) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<CreateKeyResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const kind = kindOf(state, this.kind, this.origin);
        if (typeof kind === "string") return { error: kind };
        if (this.origin !== "EXTERNAL" && this.origin !== "AWS_KMS") {
          return { error: "UnsupportedOperationException" };
        }
        if (this.tags !== undefined && tagRefusal([], this.tags)) return { error: "TagException" };
        const policy = this.policyDocument();
        if (policy?.startsWith("{ not") === true) {
          return { error: "MalformedPolicyDocumentException" };
        }
        const index = state.keys.length;
        const made = {
          description: this.description ?? "",
          creationDate: new Date(state.now.getTime()),
          tags: [...(this.tags ?? [])],
          ...(policy === undefined ? {} : { policy }),
          liveTokens: [],
          expiries: [],
        };
        const key: ModelKey =
          this.origin === "EXTERNAL"
            ? {
                ...made,
                origin: "EXTERNAL",
                state: "PendingImport",
                ...(kind === undefined ? {} : { kind }),
              }
            : { ...made, origin: "AWS_KMS", state: "Enabled", bound: "generated", material: {} };
        state.keys.push(key);
        const expected = {
          KeyState: key.state,
          Enabled: key.state === "Enabled",
          Origin: this.origin,
          Description: key.description,
          CreationDate: key.creationDate,
          AWSAccountId: system.accountId,
        };
        return {
          check: ({ KeyMetadata: metadata }) => {
            const problems = [
              ...differences(metadata, expected),
              ...kindDifferences(metadata, key),
            ];
            if (problems.some((problem) => problem.startsWith("CreationDate"))) {
              problems.push("does the target read the clock it was given?");
            }
            const arn = system.arnOf(metadata.KeyId);
            if (metadata.Arn !== arn) {
              problems.push(
                `Arn is ${metadata.Arn}, expected ${arn} (does the target serve the account and Region it was given?)`,
              );
            }
            if (key.bound === "generated" && metadata.CurrentKeyMaterialId !== undefined) {
              problems.push(
                ...system.checkMaterialId(index, "generated", metadata.CurrentKeyMaterialId),
              );
            }
            return problems;
          },
        };
      },
      run: async () => {
        const outcome = await outcomeOf(
          system.kms.createKey({
            Origin: this.origin,
            ...kindMembers(this.kind),
            ...(this.description === undefined ? {} : { Description: this.description }),
            ...(this.tags === undefined
              ? {}
              : { Tags: this.tags.map((tag) => ({ TagKey: tag.key, TagValue: tag.value })) }),
            ...(this.policy === undefined ? {} : { Policy: this.policyDocument() }),
          }),
        );
        if (outcome.ok) {
          const { KeyId, Arn } = outcome.value.KeyMetadata;
          system.keys.push({ keyId: KeyId, arn: Arn });
        }
        return outcome;
      },
    };
  }

  toString(): string {
    const description =
      this.description === undefined ? "" : `, ${JSON.stringify(this.description)}`;
    const tags = this.tags === undefined ? "" : `, ${showTags(this.tags)}`;
    const policy =
      this.policy === undefined ? "" : `, policy#${this.policy % modelPolicies.length}`;
    const kind =
      this.kind === undefined
        ? ""
        : `, ${this.kind.spec}/${this.kind.usage === "missing" ? "no KeyUsage" : this.kind.usage}`;
    return `CreateKey(${this.origin}${kind}${description}${tags}${policy})`;
  }

  private policyDocument(): string | undefined {
    return this.policy === undefined
      ? undefined
      : modelPolicies[this.policy % modelPolicies.length];
  }
}

/**
 * The kind of key a CreateKey of `kind` makes (`undefined`: symmetric), or its refusal
 * (docs/decisions/0031-hmac-and-asymmetric-import.md): the classic profile makes only symmetric
 * keys; a spec needs a usage it allows; these keys have Origin EXTERNAL.
 */
function kindOf(
  state: ModelState,
  kind: CreateKeyKind | undefined,
  origin: CreateKeyOrigin,
): ModelKeyKind | undefined | KmsErrorName {
  if (kind === undefined) return undefined;
  if (state.behaviour === "classic") return "UnsupportedOperationException";
  const known = modelKeyKinds.find((k) => k.spec === kind.spec && k.usage === kind.usage);
  if (known === undefined) return "ValidationException";
  return origin === "EXTERNAL" ? known : "UnsupportedOperationException";
}

function kindMembers(kind: CreateKeyKind | undefined): Partial<CreateKeyRequest> {
  if (kind === undefined) return {};
  return kind.usage === "missing"
    ? { KeySpec: kind.spec }
    : { KeySpec: kind.spec, KeyUsage: kind.usage };
}
