import fc from "fast-check";
import type { ListAliasesRequest } from "../../../../domain/requests/listAliases.js";
import { keyIdMember } from "../commonMembers.js";
import type { GenerationContext } from "../generationContext.js";
import { keyIdViolations } from "../keyIdViolations.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { listKeysRequests } from "./listKeys.js";

function valid(context: GenerationContext): fc.Arbitrary<ListAliasesRequest> {
  return fc
    .tuple(listKeysRequests.valid(context), fc.option(context.keyId, { nil: undefined }))
    .map(([page, KeyId]) => (KeyId === undefined ? page : { ...page, KeyId }));
}

/**
 * ListAliases: the paging members of ListKeys, and sometimes a key ID or key ARN. A generated
 * `KeyId` need not name a key, so a KMS may answer `NotFoundException`.
 */
export const listAliasesRequests: OperationBuilder<ListAliasesRequest> = {
  members: { ...listKeysRequests.members, KeyId: keyIdMember },
  valid,
  violations: (context) => [
    ...listKeysRequests.violations(context),
    ...keyIdViolations(valid(context), context, "refuse", false),
  ],
};
