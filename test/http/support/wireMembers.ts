import type { OperationName } from "../../../src/service/kmsOperations.js";

/** The request members AWS JSON 1.1 sends as base64, per the AWS model, written out independently of src. */
export const blobMembers: Readonly<Partial<Record<OperationName, readonly string[]>>> = {
  Decrypt: ["CiphertextBlob"],
  Encrypt: ["Plaintext"],
  GenerateMac: ["Message"],
  ImportKeyMaterial: ["ImportToken", "EncryptedKeyMaterial"],
  ReEncrypt: ["CiphertextBlob"],
  Sign: ["Message"],
  Verify: ["Message", "Signature"],
  VerifyMac: ["Message", "Mac"],
};

/** The request members AWS JSON 1.1 sends as epoch seconds. */
export const timestampMembers: Readonly<Partial<Record<OperationName, readonly string[]>>> = {
  ImportKeyMaterial: ["ValidTo"],
};
