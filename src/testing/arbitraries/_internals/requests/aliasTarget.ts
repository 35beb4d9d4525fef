import fc from "fast-check";
import type { AliasTargetRequest } from "../../../../domain/requests/aliasTargetRequest.js";
import { aliasName } from "../../aliasName.js";
import { unusableKeyReference } from "../../unusableKeyReference.js";
import { aliasNameViolations } from "../aliasNameViolations.js";
import { keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { longString } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { applyChanges, changed, invalidMember, missing } from "../violation.js";

/** The `AliasName` member: 1–256 characters. */
export const aliasNameMember = { shape: "string", max: 256 } as const;

function valid(context: GenerationContext): fc.Arbitrary<AliasTargetRequest> {
  return fc.record(
    { AliasName: aliasName(), TargetKeyId: context.keyId },
    { noNullPrototype: true },
  );
}

/** CreateAlias (`creating`) or UpdateAlias: an alias name and a key ID or key ARN. */
export function aliasTargetRequests(creating: boolean): OperationBuilder<AliasTargetRequest> {
  return {
    members: { AliasName: aliasNameMember, TargetKeyId: keyIdMember },
    valid,
    violations: (context) => {
      const base = valid(context);
      return [
        ...aliasNameViolations(base, creating),
        changed(base, missing("TargetKeyId"), "ValidationException", "TargetKeyId is missing"),
        invalidMember(base, "TargetKeyId", fc.constant(""), "TargetKeyId is empty"),
        invalidMember(
          base,
          "TargetKeyId",
          longString(2049, 4096),
          "TargetKeyId is longer than 2048 characters",
        ),
        fc
          .tuple(base, unusableKeyReference({ ...context.scope, aliases: "refuse" }))
          .map(([request, { KeyId, error, reason }]) => ({
            request: applyChanges(request, { TargetKeyId: KeyId }),
            error,
            reason: reason.replace("KeyId", "TargetKeyId"),
          })),
      ];
    },
  };
}
