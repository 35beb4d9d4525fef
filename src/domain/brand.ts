declare const brandSymbol: unique symbol;

/** A `T` that has been checked to be a valid `B`; only the domain's parsers create one. */
export type Brand<T, B extends string> = T & { readonly [brandSymbol]: B };
