import type fc from "fast-check";
import type { GenerationContext } from "./generationContext.js";
import type { MemberTable } from "./memberRule.js";
import type { Violation } from "./violation.js";

/** The arbitraries of one operation's requests. */
export interface OperationBuilder<R> {
  /** Every request member of the operation, as in the AWS model. */
  readonly members: MemberTable;
  /** Requests that pass validation. */
  valid(context: GenerationContext): fc.Arbitrary<R>;
  /** Requests that fail validation, one family per kind of mistake. */
  violations(context: GenerationContext): readonly fc.Arbitrary<Violation>[];
}
