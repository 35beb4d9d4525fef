// Run by mainEntryWithoutFastCheck.test.ts in a directory where only kms-byok and its
// dependencies are installed: loads the "." entry through require and prints what it got.
const { createRequire } = require("node:module");
const { createKms } = require("kms-byok");

const entry = require.resolve("kms-byok");
// From here and from the package's own directory, as kms-byok would look for it.
const fastCheck = [require, createRequire(entry)].map((from) => {
  try {
    from.resolve("fast-check");
    return "found";
  } catch (error) {
    return error.code;
  }
});
createKms()
  .createKey({ Origin: "EXTERNAL" })
  .then((created) => {
    const keyState = created._unsafeUnwrap().KeyMetadata.KeyState;
    console.log(JSON.stringify({ entry, fastCheck, keyState }));
  });
