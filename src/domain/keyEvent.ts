import type { KeyArn } from "./keyArn.js";
import type { KeyCommand } from "./keyCommand.js";
import type { KeyMaterialId } from "./keyMaterialId.js";
import type { KeyState } from "./keyState.js";

/**
 * What a committed transition did to a key, as an audit sink receives it (like a CloudTrail
 * record: which operation, which key, when, and the key state it left). Never carries key
 * material, tokens or private keys.
 */
export interface KeyEvent {
  /**
   * The operation that changed the key, or `DeleteExpiredKeyMaterial` when KMS itself removed
   * expired material. Alias operations change no key and are not key events.
   */
  readonly eventName: Exclude<KeyCommand["type"], "ReadKey"> | "DeleteExpiredKeyMaterial";
  readonly keyArn: KeyArn;
  /** When it happened: the request time, or the material's `ValidTo` for an expiry. */
  readonly eventTime: Date;
  /**
   * The outcome: the key state the event left. Only committed transitions are events; a refused
   * request changes nothing and is not recorded.
   */
  readonly keyState: KeyState;
  /** The key material concerned, where there is one. */
  readonly keyMaterialId?: KeyMaterialId;
}
