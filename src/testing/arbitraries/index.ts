/**
 * fast-check arbitraries of kms-byok's domain: identifiers, key material, wrapping parameters,
 * `ValidTo` values, and valid, invalid and garbage requests of every operation.
 *
 * @module
 */
export type { ExpirationKind } from "./_internals/expirationCases.js";
export { aliasName } from "./aliasName.js";
export { garbageRequest } from "./garbageRequest.js";
export { garbageValue } from "./garbageValue.js";
export type { InvalidRequest } from "./invalidRequest.js";
export { invalidRequest } from "./invalidRequest.js";
export type { KeyArnConstraints, KeyArnRelation } from "./keyArn.js";
export { keyArn } from "./keyArn.js";
export { keyId } from "./keyId.js";
export type { KeyMaterialConstraints } from "./keyMaterial.js";
export { keyMaterial } from "./keyMaterial.js";
export { malformedKeyId } from "./malformedKeyId.js";
export type {
  UnusableKeyReference,
  UnusableKeyReferenceConstraints,
  UnusableKeyReferenceKind,
} from "./unusableKeyReference.js";
export { unusableKeyReference } from "./unusableKeyReference.js";
export type { OperationRequests, RequestConstraints } from "./validRequest.js";
export { validRequest } from "./validRequest.js";
export type {
  ExpirationMembers,
  ValidToConstraints,
  ValidToKind,
} from "./validTo.js";
export { validTo } from "./validTo.js";
export type {
  SupportedWrappingConstraints,
  UnsupportedWrappingConstraints,
  UnsupportedWrappingParameters,
  WrappingParameters,
  WrappingParametersConstraints,
} from "./wrappingParameters.js";
export { wrappingParameters } from "./wrappingParameters.js";
