/**
 * The encryption contexts data-plane commands use, by position. `{ a: "bc" }` and `{ ab: "c" }`
 * concatenate alike, so a target that authenticates a naive concatenation fails on them.
 */
export const encryptionContexts: readonly Readonly<Record<string, string>>[] = [
  {},
  { purpose: "kms-byok model" },
  { a: "bc" },
  { ab: "c" },
  { tenant: "42", purpose: "kms-byok model" },
];
