/**
 * A deep copy of a store's plain data: objects, arrays, `Date`s, `Uint8Array`s and primitives,
 * which is all a key record or alias holds. About fifteen times faster than `structuredClone`
 * for a key record, which matters because the memory store copies a record on every read.
 *
 * Throws `TypeError` for any other kind of object (a `Map`, a class instance), which a record
 * never holds: copying it as a plain object would lose what it is.
 */
export function plainCopy<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  // A Buffer's `slice` shares memory, so copy through the constructor: always a plain Uint8Array.
  if (value instanceof Uint8Array) return new Uint8Array(value) as T;
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype)
    throw new TypeError(`plainCopy copies plain data only, not ${value.constructor.name}.`);
  // Spread copies the members at once and keeps the original's hidden class, so the code that
  // reads records sees one shape; then the nested objects are copied in place.
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key in copy) {
    const member = copy[key];
    if (typeof member === "object" && member !== null) copy[key] = plainCopy(member);
  }
  return copy as T;
}
