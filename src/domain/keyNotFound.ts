import type { KeyArn } from "./keyArn.js";
import { kmsError } from "./kmsError.js";

/** The `NotFoundException` AWS returns for a well-formed reference to a key that does not exist. */
export function keyNotFound(arn: KeyArn) {
  return kmsError("NotFoundException", `Key '${arn}' does not exist`);
}
