/**
 * A required member inside `finish`'s builder: `finish` builds only when every required member
 * was present, so `undefined` here is a bug in the validator, not bad input.
 */
export function present<T>(value: T | undefined): T {
  if (value === undefined)
    throw new TypeError("A required request member was read as absent after validation.");
  return value;
}
