import type { ResultAsync } from "neverthrow";
import type { KmsError } from "../../../src/domain/kmsError.js";
import type { Kms } from "../../../src/service/kms.js";

/** The name of a Kms operation, as its method is named. */
export type KmsOperation = keyof Kms;

/** Stands between a caller and a Kms: gets each call and gives the caller its answer. */
export type KmsInterceptor = <R>(
  operation: KmsOperation,
  call: () => ResultAsync<R, KmsError>,
) => ResultAsync<R, KmsError>;

/** `kms` with every call going through `around`. */
export function aroundKms(kms: Kms, around: KmsInterceptor): Kms {
  return {
    createKey: (request) => around("createKey", () => kms.createKey(request)),
    describeKey: (request) => around("describeKey", () => kms.describeKey(request)),
    listKeys: (request) => around("listKeys", () => kms.listKeys(request)),
    getParametersForImport: (request) =>
      around("getParametersForImport", () => kms.getParametersForImport(request)),
    importKeyMaterial: (request) =>
      around("importKeyMaterial", () => kms.importKeyMaterial(request)),
    deleteImportedKeyMaterial: (request) =>
      around("deleteImportedKeyMaterial", () => kms.deleteImportedKeyMaterial(request)),
    enableKey: (request) => around("enableKey", () => kms.enableKey(request)),
    disableKey: (request) => around("disableKey", () => kms.disableKey(request)),
    scheduleKeyDeletion: (request) =>
      around("scheduleKeyDeletion", () => kms.scheduleKeyDeletion(request)),
    cancelKeyDeletion: (request) =>
      around("cancelKeyDeletion", () => kms.cancelKeyDeletion(request)),
    encrypt: (request) => around("encrypt", () => kms.encrypt(request)),
    decrypt: (request) => around("decrypt", () => kms.decrypt(request)),
    generateDataKey: (request) => around("generateDataKey", () => kms.generateDataKey(request)),
    generateDataKeyWithoutPlaintext: (request) =>
      around("generateDataKeyWithoutPlaintext", () => kms.generateDataKeyWithoutPlaintext(request)),
  };
}
