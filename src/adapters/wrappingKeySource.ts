import { generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";
import { type SupportedWrappingKeySpec, wrappingKeyBits } from "../domain/wrappingTable.js";

/** An RSA wrapping key pair as Node key objects (parsed once, fast to use). */
export interface WrappingKeyObjects {
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
}

/** Where a crypto provider gets the RSA key pair of each new parameter set. */
export type WrappingKeySource = (spec: SupportedWrappingKeySpec) => Promise<WrappingKeyObjects>;

const generateRsaKeyPair = promisify(generateKeyPair);

/** Generates a fresh RSA key pair (e = 65537) of the spec's size on every call. */
export const generateWrappingKey: WrappingKeySource = (spec) =>
  generateRsaKeyPair("rsa", { modulusLength: wrappingKeyBits[spec], publicExponent: 0x10001 });
