// Run by mainEntryWithoutFastCheck.test.ts in a directory where only kms-byok and its
// dependencies are installed: loads the "." entry as an ES module and prints what it got.
import { createKms } from "kms-byok";

const fastCheck = await import("fast-check").then(
  () => "found",
  (error) => error.code,
);
const created = await createKms().createKey({ Origin: "EXTERNAL" });
console.log(
  JSON.stringify({
    entry: import.meta.resolve("kms-byok"),
    fastCheck: [fastCheck],
    keyState: created._unsafeUnwrap().KeyMetadata.KeyState,
  }),
);
