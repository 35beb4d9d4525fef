import type { GetKeyPolicyResponse } from "../../domain/requests/getKeyPolicy.js";
import type { EmptyResponse } from "../../domain/requests/keyIdRequest.js";
import type { ListKeyPoliciesResponse } from "../../domain/requests/listKeyPolicies.js";
import { type KeyRef, resolveKeyRef, showKeyRef } from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** The policies a run sets: two valid documents and one that is not JSON. */
export const modelPolicies = [
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:*","Resource":"*"}]}',
  '{\n  "Statement" : [ {\n    "Principal" : "*",\n    "Action" : "kms:Decrypt",\n    "Effect" : "Deny"\n  } ]\n}',
  "{ not json",
] as const;

/**
 * PutKeyPolicy of one of {@link modelPolicies} (docs/decisions/0027-key-policies.md): any key
 * state; a document that is not JSON is `MalformedPolicyDocumentException` before the key is read.
 */
export class PutKeyPolicyCommand extends StepCommand {
  constructor(
    readonly key: KeyRef,
    readonly policy: number,
  ) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<EmptyResponse>> {
    const document = modelPolicies[this.policy % modelPolicies.length] ?? "";
    return {
      label: this.toString(),
      predict: (state) => {
        const reference = resolveKeyRef(state, this.key, "refuse");
        if (typeof reference === "string") return { error: reference };
        if (document.startsWith("{ not")) return { error: "MalformedPolicyDocumentException" };
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        found.key.policy = document;
        return { check: () => [] };
      },
      run: () =>
        outcomeOf(system.kms.putKeyPolicy({ KeyId: system.keyIdOf(this.key), Policy: document })),
    };
  }

  toString(): string {
    return `PutKeyPolicy(${showKeyRef(this.key)}, policy#${this.policy % modelPolicies.length})`;
  }
}

/** GetKeyPolicy: the document as set, byte for byte, or AWS's default policy for the account. */
export class GetKeyPolicyCommand extends StepCommand {
  constructor(readonly key: KeyRef) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<GetKeyPolicyResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        const expected = found.key.policy ?? defaultPolicy(system);
        return {
          check: (response) => {
            const problems: string[] = [];
            if (response.Policy !== expected) problems.push(`Policy is ${response.Policy}`);
            if (response.PolicyName !== "default") problems.push("PolicyName is not default");
            return problems;
          },
        };
      },
      run: () => outcomeOf(system.kms.getKeyPolicy({ KeyId: system.keyIdOf(this.key) })),
    };
  }

  toString(): string {
    return `GetKeyPolicy(${showKeyRef(this.key)})`;
  }
}

/** ListKeyPolicies: `["default"]` for every key that exists. */
export class ListKeyPoliciesCommand extends StepCommand {
  constructor(readonly key: KeyRef) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<ListKeyPoliciesResponse>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const found = lookUpKey(state, this.key);
        if (typeof found === "string") return { error: found };
        return {
          check: (response) =>
            JSON.stringify(response) === '{"PolicyNames":["default"],"Truncated":false}'
              ? []
              : ["expected PolicyNames [default], not truncated"],
        };
      },
      run: () => outcomeOf(system.kms.listKeyPolicies({ KeyId: system.keyIdOf(this.key) })),
    };
  }

  toString(): string {
    return `ListKeyPolicies(${showKeyRef(this.key)})`;
  }
}

/** AWS's default key policy for the run's account, as AWS lays it out. */
function defaultPolicy(system: KmsSystem): string {
  const root = `arn:${system.partition}:iam::${system.accountId}:root`;
  return `{\n  "Version" : "2012-10-17",\n  "Id" : "key-default-1",\n  "Statement" : [ {\n    "Sid" : "Enable IAM User Permissions",\n    "Effect" : "Allow",\n    "Principal" : {\n      "AWS" : "${root}"\n    },\n    "Action" : "kms:*",\n    "Resource" : "*"\n  } ]\n}`;
}
