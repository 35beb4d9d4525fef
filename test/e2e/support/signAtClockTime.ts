import type { KMSClient } from "@aws-sdk/client-kms";
import type { Clock } from "../../../src/ports/clock.js";

/**
 * Makes `client` sign every request at `clock`'s time, so a server that checks the request date
 * against the same (manual) clock accepts it however far the clock has jumped.
 *
 * The SDK's SigV4 signer signs at `Date.now() + config.systemClockOffset`, reading the field when
 * it signs, and after every response it overwrites the field from the response's `Date` header
 * (real time, as `node:http` writes it). A getter keeps the offset on the clock at every signing,
 * concurrent requests included; the SDK's writes are ignored.
 */
export function signAtClockTime(client: KMSClient, clock: Clock): void {
  Object.defineProperty(client.config, "systemClockOffset", {
    get: () => clock.now().getTime() - Date.now(),
    set: () => {},
    enumerable: true,
    configurable: true,
  });
}
