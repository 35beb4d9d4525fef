import fc from "fast-check";
import type { GetKeyPolicyRequest } from "../../../../domain/requests/getKeyPolicy.js";
import type { ListKeyPoliciesRequest } from "../../../../domain/requests/listKeyPolicies.js";
import type { PutKeyPolicyRequest } from "../../../../domain/requests/putKeyPolicy.js";
import { booleanMember, keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { policyDocument, policyViolations } from "../tagValues.js";
import { changed, invalidMember, missing, type Violation } from "../violation.js";

const policyNameMember = { shape: "string", max: 128 } as const;
const policyName = fc.constant("default");

function policyNameViolations(base: fc.Arbitrary<object>): fc.Arbitrary<Violation>[] {
  return [
    invalidMember(
      base,
      "PolicyName",
      fc.constantFrom("", "my policy", "default!", "x".repeat(129)),
      "PolicyName is empty, too long or not word characters",
    ),
    changed(
      base,
      fc.constantFrom("custom", "Default", "default2").map((PolicyName) => ({ PolicyName })),
      "NotFoundException",
      "PolicyName is not default",
    ),
  ];
}

function validGet(context: GenerationContext): fc.Arbitrary<GetKeyPolicyRequest> {
  return fc.record(
    { KeyId: context.keyId, PolicyName: policyName },
    { requiredKeys: ["KeyId"], noNullPrototype: true },
  );
}

/** GetKeyPolicy: a key ID or key ARN, and maybe `PolicyName` `default`. */
export const getKeyPolicyRequests: OperationBuilder<GetKeyPolicyRequest> = {
  members: { KeyId: keyIdMember, PolicyName: policyNameMember },
  valid: validGet,
  violations: (context) => {
    const base = validGet(context);
    return [...keyIdViolations(base, context, "refuse"), ...policyNameViolations(base)];
  },
};

function validPut(context: GenerationContext): fc.Arbitrary<PutKeyPolicyRequest> {
  return fc.record(
    {
      KeyId: context.keyId,
      PolicyName: policyName,
      Policy: policyDocument,
      BypassPolicyLockoutSafetyCheck: fc.boolean(),
    },
    { requiredKeys: ["KeyId", "Policy"], noNullPrototype: true },
  );
}

/** PutKeyPolicy: a key ID or key ARN and a JSON policy document (docs/decisions/0027-key-policies.md). */
export const putKeyPolicyRequests: OperationBuilder<PutKeyPolicyRequest> = {
  members: {
    KeyId: keyIdMember,
    PolicyName: policyNameMember,
    Policy: { shape: "string", max: 131072 },
    BypassPolicyLockoutSafetyCheck: booleanMember,
  },
  valid: validPut,
  violations: (context) => {
    const base = validPut(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      ...policyNameViolations(base),
      changed(base, missing("Policy"), "ValidationException", "Policy is missing"),
      ...policyViolations(base),
    ];
  },
};

function validList(context: GenerationContext): fc.Arbitrary<ListKeyPoliciesRequest> {
  return fc.record(
    { KeyId: context.keyId, Limit: fc.integer({ min: 1, max: 1000 }) },
    { requiredKeys: ["KeyId"], noNullPrototype: true },
  );
}

/** ListKeyPolicies: a key ID or key ARN and a `Limit` of 1–1000. */
export const listKeyPoliciesRequests: OperationBuilder<ListKeyPoliciesRequest> = {
  members: {
    KeyId: keyIdMember,
    Limit: { shape: "integer", max: 1000 },
    Marker: { shape: "string", max: 1024 },
  },
  valid: validList,
  violations: (context) => {
    const base = validList(context);
    return [
      ...keyIdViolations(base, context, "refuse"),
      invalidMember(base, "Limit", fc.integer({ min: -10, max: 0 }), "Limit is less than 1"),
      invalidMember(base, "Marker", fc.constant(""), "Marker is empty"),
    ];
  },
};
