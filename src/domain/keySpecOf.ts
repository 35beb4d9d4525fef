import type { KeyRecord } from "./keyRecord.js";
import type { KeySpec, KeyUsage } from "./keySpec.js";

/** The key spec of `key`: `SYMMETRIC_DEFAULT` unless the record names another. */
export const keySpecOf = (key: KeyRecord): KeySpec => key.keySpec ?? "SYMMETRIC_DEFAULT";

/** The key usage of `key`: `ENCRYPT_DECRYPT` unless the record names another. */
export const keyUsageOf = (key: KeyRecord): KeyUsage => key.keyUsage ?? "ENCRYPT_DECRYPT";
