export type { KmsCredential } from "./authenticate.js";
export {
  createKmsServer,
  type KmsServer,
  type KmsServerAddress,
  type KmsServerListenError,
} from "./createKmsServer.js";
export type { KmsServerOptions } from "./kmsServerOptions.js";
export type { ProtocolErrorName, WireErrorName } from "./wireError.js";
