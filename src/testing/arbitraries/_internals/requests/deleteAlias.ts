import fc from "fast-check";
import type { DeleteAliasRequest } from "../../../../domain/requests/deleteAlias.js";
import { aliasName } from "../../aliasName.js";
import { aliasNameViolations } from "../aliasNameViolations.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { aliasNameMember } from "./aliasTarget.js";

function valid(): fc.Arbitrary<DeleteAliasRequest> {
  return fc.record({ AliasName: aliasName() }, { noNullPrototype: true });
}

/** DeleteAlias: an alias name. */
export const deleteAliasRequests: OperationBuilder<DeleteAliasRequest> = {
  members: { AliasName: aliasNameMember },
  valid,
  violations: () => aliasNameViolations(valid(), false),
};
