/**
 * Changes everything reachable from `value` in place, as a careless caller might: strings and
 * numbers get new values, Dates move, bytes are inverted, arrays grow. Frozen parts are skipped,
 * since a store that hands out frozen objects cannot be changed through them.
 */
export function scribble(value: unknown): void {
  if (value instanceof Date) {
    value.setTime(value.getTime() + 86_400_000);
  } else if (value instanceof Uint8Array) {
    for (let i = 0; i < value.length; i++) value[i] = ~(value[i] ?? 0) & 0xff;
  } else if (Array.isArray(value)) {
    for (const item of value) scribble(item);
    if (!Object.isFrozen(value)) value.push(value[0] ?? "scribbled");
  } else if (typeof value === "object" && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      if (typeof member === "string") Reflect.set(value, key, `${member} (scribbled)`);
      else if (typeof member === "number") Reflect.set(value, key, member + 1);
      else scribble(member);
    }
    Reflect.set(value, "scribbled", true);
  }
}
