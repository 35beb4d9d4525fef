import type { StoredKey } from "../../src/ports/keyStore.js";

/** The storage of a `flawedKeyStore` (brokenKeyStores.ts): its rows, by ARN. */
export type Rows = Map<string, StoredKey>;
