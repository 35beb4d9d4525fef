export { anyKmsCommand } from "./anyKmsCommand.js";
export * as arbitraries from "./arbitraries/index.js";
export type { KmsCommand, KmsModel } from "./commands/kmsCommand.js";
export type { HeldCiphertext, HeldParameters, KmsSystem } from "./commands/kmsSystem.js";
export {
  type KeyStoreCheck,
  type KeyStoreContractOptions,
  type KeyStoreFactory,
  type KeyStoreRule,
  keyStoreContract,
} from "./keyStoreContract.js";
export { type KmsCommandsConstraints, kmsCommands } from "./kmsCommands.js";
export { KmsModelFailure } from "./kmsModelFailure.js";
export { type KmsModelSetupOptions, kmsModelSetup } from "./kmsModelSetup.js";
export { type ManualClock, manualClock } from "./manualClock.js";
export type { KeyRef } from "./model/keyRef.js";
export type {
  ModelEccSpec,
  ModelHmacSpec,
  ModelKeyKind,
  ModelKeySpec,
  ModelKeyUsage,
  ModelRsaEncryption,
  ModelRsaSpec,
} from "./model/modelKeyKinds.js";
export type {
  ModelAlias,
  ModelCiphertext,
  ModelKey,
  ModelKeyState,
  ModelMaterial,
  ModelOtherMaterial,
  ModelState,
  ModelTag,
  ModelToken,
} from "./model/modelState.js";
export {
  type KmsModelEnvironment,
  type KmsTarget,
  type KmsUnderTest,
  type RunKmsModelOptions,
  runKmsModel,
} from "./runKmsModel.js";
export { testCrypto } from "./testCrypto.js";
