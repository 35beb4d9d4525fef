import { type DurableChoice, openDurableStore } from "../../src/cli/serveStore.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";

/**
 * Opens the store `choice` names as serve does (data directory or database, root key file,
 * canary), runs `use` on a Kms over it, and closes it.
 */
export async function withDurableKms<T>(
  choice: DurableChoice,
  use: (kms: Kms) => Promise<T> = async () => undefined as T,
): Promise<T> {
  const opened = (await openDurableStore(choice))._unsafeUnwrap();
  try {
    return await use(createKms({ store: opened.store, crypto: opened.crypto }));
  } finally {
    await opened.close();
  }
}
