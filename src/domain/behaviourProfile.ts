/**
 * Which AWS KMS a `Kms` behaves like (docs/decisions/0029-behaviour-profiles.md): `classic`, the
 * workflow of the `import-key-material` man page (symmetric keys only, the first material bound
 * forever), or `current`, AWS KMS since June 2025 (rotation of imported symmetric material, and
 * HMAC and asymmetric keys with imported material).
 */
export type BehaviourProfile = "classic" | "current";

/** Every behaviour profile, the default first. */
export const behaviourProfiles: readonly BehaviourProfile[] = ["classic", "current"];

/** Tells whether `value` names a behaviour profile. */
export function isBehaviourProfile(value: unknown): value is BehaviourProfile {
  return value === "classic" || value === "current";
}
