import fc from "fast-check";

function notAFunction(): void {}
class NotARequest {}

/** Non-JSON values that no request member accepts as they are. */
const oddities: readonly unknown[] = [
  Number.NaN,
  -0,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1.5,
  10n,
  Symbol.iterator,
  Symbol.for("kms-byok"),
  notAFunction,
  NotARequest,
  new NotARequest(),
  new Date(Number.NaN),
  new ArrayBuffer(4),
  new DataView(new ArrayBuffer(4)),
  new Uint16Array(2),
  new Map([["KeyId", "x"]]),
  new Set(["x"]),
  new Error("garbage"),
  /regex/,
  Object.create(null),
  [undefined],
  { toString: notAFunction },
];

/**
 * Values of every type and shape: whatever `fc.anything` makes (with big integers, boxed values,
 * dates, maps, sets, null-prototype objects, sparse and typed arrays, lone surrogates), plus
 * non-JSON oddities (NaN, -0, infinities, symbols, functions, class instances, invalid dates,
 * `ArrayBuffer`s, errors). A KMS given one where a request or member belongs must answer an
 * error, never throw.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(arbitraries.garbageValue(), async (KeyId) =>
 *   (await kms.enableKey({ KeyId } as EnableKeyRequest)).isErr()));
 * ```
 */
export function garbageValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
      stringUnit: "binary",
    }),
    fc.constantFrom(...oddities),
    fc.constantFrom(undefined, null, true, false, 0, ""),
    fc.double(),
    fc.uint8Array({ maxLength: 16 }),
    fc.date(),
    fc.string({ unit: "binary" }),
  );
}
