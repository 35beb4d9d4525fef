import { describe, expect, it } from "vitest";
import {
  defaultPendingWindowInDays,
  validateScheduleKeyDeletionRequest,
} from "../../../src/domain/requests/scheduleKeyDeletion.js";
import { expectError } from "../../support/kmsHarness.js";
import { arn, keyId, now, scope } from "../keyRecords.js";

const context = { scope, now };

describe("validateScheduleKeyDeletionRequest", () => {
  it("defaults PendingWindowInDays to 30", () => {
    expect(defaultPendingWindowInDays).toBe(30);
    expect(validateScheduleKeyDeletionRequest({ KeyId: keyId }, context)._unsafeUnwrap()).toEqual({
      arn,
      pendingWindowInDays: 30,
    });
  });

  it.each([7, 30])("accepts PendingWindowInDays %i", (days) => {
    const request = { KeyId: keyId, PendingWindowInDays: days };
    expect(
      validateScheduleKeyDeletionRequest(request, context)._unsafeUnwrap().pendingWindowInDays,
    ).toBe(days);
  });

  it.each([
    [6, "greater than or equal to 7"],
    [31, "less than or equal to 30"],
  ])("returns ValidationException for PendingWindowInDays %i", (days, bound) => {
    const error = expectError(
      validateScheduleKeyDeletionRequest({ KeyId: keyId, PendingWindowInDays: days }, context),
      "ValidationException",
    );
    expect(error.message).toBe(
      `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value ${bound}`,
    );
  });

  it("refuses an alias with InvalidArnException", () => {
    expectError(
      validateScheduleKeyDeletionRequest({ KeyId: "alias/x" }, context),
      "InvalidArnException",
    );
  });
});
