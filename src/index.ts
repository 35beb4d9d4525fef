export { memoryKeyStore } from "./adapters/memoryKeyStore.js";
export { type NodeCrypto, type NodeCryptoOptions, nodeCrypto } from "./adapters/nodeCrypto.js";
export { randomIds } from "./adapters/randomIds.js";
export type { RsaCryptoProvider } from "./adapters/rsaCryptoProvider.js";
export { systemClock } from "./adapters/systemClock.js";
export { type WrapKeyMaterialInput, wrapKeyMaterial } from "./client/wrapKeyMaterial.js";
export { isAliasName } from "./domain/aliasName.js";
export { type AliasArn, type AliasName, type AliasRecord, aliasArn } from "./domain/aliasRecord.js";
export {
  type BehaviourProfile,
  behaviourProfiles,
  isBehaviourProfile,
} from "./domain/behaviourProfile.js";
export type { Brand } from "./domain/brand.js";
export { checkImportedMaterial } from "./domain/checkImportedMaterial.js";
export { checkMaterialFacts } from "./domain/checkMaterialFacts.js";
export { currentKey } from "./domain/currentKey.js";
export { maxValidToDays, resolveExpiration } from "./domain/expiration.js";
export {
  findParameterSet,
  importParametersLifetimeHours,
  maxParameterSetsPerKey,
  requireExternalOrigin,
  requireImportable,
} from "./domain/importPreconditions.js";
export {
  digestBytesOf,
  type EncryptionAlgorithm,
  ecdsaSigningAlgorithms,
  keyAlgorithms,
  type MacAlgorithm,
  macAlgorithmOf,
  macAlgorithms,
  rsaEncryptionAlgorithms,
  rsaPlaintextLimit,
  rsaSigningAlgorithms,
  type SigningAlgorithm,
} from "./domain/keyAlgorithms.js";
export type { KeyArn, KeyScope } from "./domain/keyArn.js";
export { keyArn, keyIdOf, partitionOf } from "./domain/keyArn.js";
export type { ImportTokenClaims, KeyCommand } from "./domain/keyCommand.js";
export type { KeyEvent } from "./domain/keyEvent.js";
export type { KeyId } from "./domain/keyId.js";
export { isKeyId } from "./domain/keyId.js";
export type { KeyMaterialId } from "./domain/keyMaterialId.js";
export { isKeyMaterialId, sameKeyMaterialId } from "./domain/keyMaterialId.js";
export type { KeyMetadata } from "./domain/keyMetadata.js";
export { keyMetadata } from "./domain/keyMetadata.js";
export { checkKeyPolicy, defaultKeyPolicy, maxKeyPolicyBytes } from "./domain/keyPolicy.js";
export type {
  KeyMaterial,
  KeyMaterialState,
  KeyRecord,
  KeyRecordBase,
  KeyRotation,
  KeyTag,
  KeyWithMaterial,
  OtherMaterial,
  ParameterSet,
  PendingDeletionKey,
  PendingImportKey,
} from "./domain/keyRecord.js";
export { type KeyRotationStatus, keyRotationStatus } from "./domain/keyRotationStatus.js";
export {
  type EccKeySpec,
  eccCurves,
  eccKeySpecs,
  type HmacKeySpec,
  hmacKeySpecs,
  hmacMaterialBytes,
  isEccKeySpec,
  isHmacKeySpec,
  isRsaKeySpec,
  type KeySpec,
  type KeyUsage,
  keyUsagesOf,
  type MaterialFacts,
  materialFormOf,
  type RsaKeySpec,
  rsaKeySpecs,
  rsaModulusBits,
  symmetricKeyMaterialBytes,
} from "./domain/keySpec.js";
export { keySpecOf, keyUsageOf } from "./domain/keySpecOf.js";
export type { ExpirationModel, KeyState, Origin } from "./domain/keyState.js";
export { maxTagsPerKey, withoutTags, withTags } from "./domain/keyTags.js";
export {
  isKmsErrorName,
  type KmsError,
  type KmsErrorName,
  kmsError,
  kmsErrorNames,
} from "./domain/kmsError.js";
export { type ObservedKey, observeKey, withoutMaterial } from "./domain/observeKey.js";
export {
  type AliasTargetInput,
  type AliasTargetRequest,
  type CreateAliasRequest,
  type UpdateAliasRequest,
  validateAliasTargetRequest,
} from "./domain/requests/aliasTargetRequest.js";
export type { CreateKeyRequest, CreateKeyResponse } from "./domain/requests/createKey.js";
export { type CreateKeyInput, validateCreateKeyRequest } from "./domain/requests/createKey.js";
export type {
  AsymmetricEncryptionAlgorithmSpec,
  CheckedDataPlaneMembers,
  DataPlaneMembers,
  DataPlaneOperation,
  EncryptionAlgorithmSpec,
  EncryptionContext,
} from "./domain/requests/dataPlaneRules.js";
export { encryptionAlgorithmValues } from "./domain/requests/dataPlaneRules.js";
export type { DecryptRequest, DecryptResponse } from "./domain/requests/decrypt.js";
export { type DecryptInput, validateDecryptRequest } from "./domain/requests/decrypt.js";
export {
  type DeleteAliasRequest,
  validateDeleteAliasRequest,
} from "./domain/requests/deleteAlias.js";
export type {
  DeleteImportedKeyMaterialRequest,
  DeleteImportedKeyMaterialResponse,
} from "./domain/requests/deleteImportedKeyMaterial.js";
export {
  type DeleteImportedKeyMaterialInput,
  validateDeleteImportedKeyMaterialRequest,
} from "./domain/requests/deleteImportedKeyMaterial.js";
export type { DescribeKeyRequest, DescribeKeyResponse } from "./domain/requests/describeKey.js";
export { validateDescribeKeyRequest } from "./domain/requests/describeKey.js";
export {
  defaultRotationPeriodInDays,
  type EnableKeyRotationInput,
  type EnableKeyRotationRequest,
  type GetKeyRotationStatusResponse,
  validateEnableKeyRotationRequest,
} from "./domain/requests/enableKeyRotation.js";
export type { EncryptRequest, EncryptResponse } from "./domain/requests/encrypt.js";
export { type EncryptInput, validateEncryptRequest } from "./domain/requests/encrypt.js";
export type {
  DataKeySpec,
  GenerateDataKeyRequest,
  GenerateDataKeyResponse,
  GenerateDataKeyWithoutPlaintextRequest,
  GenerateDataKeyWithoutPlaintextResponse,
} from "./domain/requests/generateDataKey.js";
export {
  type GenerateDataKeyInput,
  validateGenerateDataKeyRequest,
} from "./domain/requests/generateDataKey.js";
export {
  type GenerateMacInput,
  type GenerateMacRequest,
  type GenerateMacResponse,
  validateGenerateMacRequest,
} from "./domain/requests/generateMac.js";
export {
  type GenerateRandomRequest,
  type GenerateRandomResponse,
  validateGenerateRandomRequest,
} from "./domain/requests/generateRandom.js";
export {
  type GetKeyPolicyRequest,
  type GetKeyPolicyResponse,
  validateGetKeyPolicyRequest,
} from "./domain/requests/getKeyPolicy.js";
export type {
  GetParametersForImportRequest,
  GetParametersForImportResponse,
} from "./domain/requests/getParametersForImport.js";
export {
  type GetParametersForImportInput,
  validateGetParametersForImportRequest,
} from "./domain/requests/getParametersForImport.js";
export {
  type GetPublicKeyRequest,
  type GetPublicKeyResponse,
  validateGetPublicKeyRequest,
} from "./domain/requests/getPublicKey.js";
export type {
  ImportKeyMaterialRequest,
  ImportKeyMaterialResponse,
  ImportType,
} from "./domain/requests/importKeyMaterial.js";
export {
  type ImportKeyMaterialInput,
  validateImportKeyMaterialRequest,
} from "./domain/requests/importKeyMaterial.js";
export type {
  CancelKeyDeletionRequest,
  CancelKeyDeletionResponse,
  DisableKeyRequest,
  DisableKeyRotationRequest,
  EmptyResponse,
  EnableKeyRequest,
  GetKeyRotationStatusRequest,
  KeyIdRequest,
  RotateKeyOnDemandResponse,
} from "./domain/requests/keyIdRequest.js";
export { type KeyIdOperation, validateKeyIdRequest } from "./domain/requests/keyIdRequest.js";
export {
  type AliasListEntry,
  defaultListAliasesLimit,
  type ListAliasesInput,
  type ListAliasesRequest,
  type ListAliasesResponse,
  maxListAliasesPage,
  validateListAliasesRequest,
} from "./domain/requests/listAliases.js";
export {
  type ListKeyPoliciesInput,
  type ListKeyPoliciesRequest,
  type ListKeyPoliciesResponse,
  validateListKeyPoliciesRequest,
} from "./domain/requests/listKeyPolicies.js";
export {
  type IncludeKeyMaterial,
  includeKeyMaterialValues,
  type ListKeyRotationsInput,
  type ListKeyRotationsRequest,
  type ListKeyRotationsResponse,
  type RotationsListEntry,
  validateListKeyRotationsRequest,
} from "./domain/requests/listKeyRotations.js";
export type {
  KeyListEntry,
  ListKeysRequest,
  ListKeysResponse,
} from "./domain/requests/listKeys.js";
export {
  defaultListKeysLimit,
  type ListKeysInput,
  validateListKeysRequest,
} from "./domain/requests/listKeys.js";
export {
  type ListResourceTagsInput,
  type ListResourceTagsRequest,
  type ListResourceTagsResponse,
  validateListResourceTagsRequest,
} from "./domain/requests/listResourceTags.js";
export {
  type MacAlgorithmSpec,
  type MacMembers,
  macAlgorithmValues,
} from "./domain/requests/macMembers.js";
export type { RequestContext } from "./domain/requests/memberRules.js";
export {
  type PutKeyPolicyInput,
  type PutKeyPolicyRequest,
  validatePutKeyPolicyRequest,
} from "./domain/requests/putKeyPolicy.js";
export {
  type ReEncryptInput,
  type ReEncryptRequest,
  type ReEncryptResponse,
  validateReEncryptRequest,
} from "./domain/requests/reEncrypt.js";
export type {
  ScheduleKeyDeletionRequest,
  ScheduleKeyDeletionResponse,
} from "./domain/requests/scheduleKeyDeletion.js";
export {
  defaultPendingWindowInDays,
  type ScheduleKeyDeletionInput,
  validateScheduleKeyDeletionRequest,
} from "./domain/requests/scheduleKeyDeletion.js";
export {
  type SignInput,
  type SignRequest,
  type SignResponse,
  validateSignRequest,
} from "./domain/requests/sign.js";
export {
  messageTypeValues,
  type SigningAlgorithmSpec,
  type SigningMembers,
  signingAlgorithmValues,
} from "./domain/requests/signingMembers.js";
export {
  type Tag,
  type TagResourceInput,
  type TagResourceRequest,
  validateTagResourceRequest,
} from "./domain/requests/tagResource.js";
export {
  type UntagResourceInput,
  type UntagResourceRequest,
  validateUntagResourceRequest,
} from "./domain/requests/untagResource.js";
export {
  type UpdateKeyDescriptionInput,
  type UpdateKeyDescriptionRequest,
  validateUpdateKeyDescriptionRequest,
} from "./domain/requests/updateKeyDescription.js";
export {
  type VerifyInput,
  type VerifyRequest,
  type VerifyResponse,
  validateVerifyRequest,
} from "./domain/requests/verify.js";
export {
  type VerifyMacInput,
  type VerifyMacRequest,
  type VerifyMacResponse,
  validateVerifyMacRequest,
} from "./domain/requests/verifyMac.js";
export { type EnabledKey, requireEnabledKey } from "./domain/requireEnabledKey.js";
export {
  aliasNotFound,
  type KeyReference,
  parseKeyReference,
  resolveKeyReference,
} from "./domain/resolveKeyReference.js";
export { type Transition, transition } from "./domain/transition.js";
export type {
  SupportedWrappingAlgorithm,
  SupportedWrappingKeySpec,
  WrappingAlgorithm,
  WrappingKeySpec,
} from "./domain/wrappingTable.js";
export {
  checkWrapping,
  type Wrapping,
  type WrappingScheme,
  wrappingAlgorithmValues,
  wrappingKeyBits,
  wrappingKeySpecValues,
  wrappingSchemes,
} from "./domain/wrappingTable.js";
export type { AuditSink } from "./ports/auditSink.js";
export type { Clock } from "./ports/clock.js";
export type {
  CryptoProvider,
  MessageType,
  RsaEncryptionAlgorithm,
  SealedKeyMaterial,
  UnwrapRequest,
  WrappingKeyPair,
} from "./ports/cryptoProvider.js";
export type { IdGenerator } from "./ports/idGenerator.js";
export type {
  AliasPage,
  AliasPageRequest,
  KeyPage,
  KeyStore,
  PageRequest,
  StoredAlias,
  StoredKey,
  WriteConflict,
} from "./ports/keyStore.js";
export { createKms } from "./service/createKms.js";
export type { Kms, KmsMethod, RequestOf, ResponseOf } from "./service/kms.js";
export { kmsMethodName, kmsOperations, type OperationName } from "./service/kmsOperations.js";
export type { KmsOptions } from "./service/kmsOptions.js";
export type { OperationDescriptor, OperationHandler } from "./service/operationDescriptor.js";
export type { ServiceDeps } from "./service/serviceDeps.js";
