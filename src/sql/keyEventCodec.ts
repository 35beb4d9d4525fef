import { err, ok, type Result } from "neverthrow";
import type { KeyArn } from "../domain/keyArn.js";
import type { KeyEvent } from "../domain/keyEvent.js";
import { isKeyMaterialId } from "../domain/keyMaterialId.js";
import type { KeyState } from "../domain/keyState.js";
import { dateMember, parseJsonObject, stringMember } from "./jsonMembers.js";

const keyStates: readonly string[] = ["Enabled", "Disabled", "PendingDeletion", "PendingImport"];

/** An audit event as the JSON text of one row. */
export function encodeKeyEvent(event: KeyEvent): string {
  return JSON.stringify({ ...event, eventTime: event.eventTime.toISOString() });
}

/**
 * The audit event in `text`.
 *
 * Errors: a sentence naming the first member that is missing or wrong.
 */
export function decodeKeyEvent(text: string): Result<KeyEvent, string> {
  const parsed = parseJsonObject(text);
  if (parsed.isErr()) return err(parsed.error);
  const event = parsed.value;
  const eventName = stringMember(event, "eventName");
  const keyArn = stringMember(event, "keyArn");
  const eventTime = dateMember(event, "eventTime");
  const keyState = stringMember(event, "keyState");
  const keyMaterialId = event["keyMaterialId"];
  if (eventName === undefined || keyArn === undefined || eventTime === undefined)
    return err("eventName, keyArn or eventTime is missing");
  if (keyState === undefined || !keyStates.includes(keyState))
    return err("keyState is not a key state");
  if (
    keyMaterialId !== undefined &&
    (typeof keyMaterialId !== "string" || !isKeyMaterialId(keyMaterialId))
  )
    return err("keyMaterialId is not a key material ID");
  return ok({
    eventName: eventName as KeyEvent["eventName"],
    keyArn: keyArn as KeyArn,
    eventTime,
    keyState: keyState as KeyState,
    ...(keyMaterialId === undefined ? {} : { keyMaterialId }),
  });
}
