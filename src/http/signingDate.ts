import { err, ok, type Result } from "neverthrow";
import { protocolError, type WireError } from "./wireError.js";

const amzDateForm = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
/** How far a request's date may be from the server's time (AWS allows 15 minutes). */
export const maxClockSkewMinutes = 15;

/**
 * Reads `X-Amz-Date` (`YYYYMMDDTHHMMSSZ`).
 *
 * Errors: `IncompleteSignatureException` when it is missing or not of that form.
 */
export function signingDate(amzDate: string | undefined): Result<Date, WireError> {
  const parts = amzDateForm.exec(amzDate ?? "");
  if (parts !== null) {
    const year = Number(parts[1]);
    const month = Number(parts[2]);
    const day = Number(parts[3]);
    const hour = Number(parts[4]);
    const minute = Number(parts[5]);
    const second = Number(parts[6]);
    const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    // Rejects dates that do not exist, such as 20261331T250000Z, and years before 100, which
    // Date.UTC reads as 1900 + year.
    if (
      date.getUTCFullYear() === year &&
      date.getUTCMonth() === month - 1 &&
      date.getUTCDate() === day &&
      date.getUTCHours() === hour &&
      date.getUTCMinutes() === minute &&
      date.getUTCSeconds() === second
    )
      return ok(date);
  }
  return err(
    protocolError(
      "IncompleteSignatureException",
      "Authorization requires an 'X-Amz-Date' header of the form YYYYMMDDTHHMMSSZ.",
    ),
  );
}

/** A time as `X-Amz-Date` writes it. */
export function amzDateOf(date: Date): string {
  return date.toISOString().replace(/[-:]|\.\d{3}/g, "");
}

/**
 * Checks that a request was signed within {@link maxClockSkewMinutes} of `now`, so a captured
 * request cannot be replayed later.
 *
 * Errors: `InvalidSignatureException` in AWS's words ("Signature expired: …").
 */
export function checkClockSkew(signedAt: Date, now: Date): Result<void, WireError> {
  const skew = maxClockSkewMinutes * 60_000;
  if (signedAt.getTime() < now.getTime() - skew) {
    const earliest = new Date(now.getTime() - skew);
    return err(
      protocolError(
        "InvalidSignatureException",
        `Signature expired: ${amzDateOf(signedAt)} is now earlier than ${amzDateOf(earliest)} (${amzDateOf(now)} - ${maxClockSkewMinutes} min.)`,
      ),
    );
  }
  if (signedAt.getTime() > now.getTime() + skew) {
    const latest = new Date(now.getTime() + skew);
    return err(
      protocolError(
        "InvalidSignatureException",
        `Signature not yet current: ${amzDateOf(signedAt)} is still later than ${amzDateOf(latest)} (${amzDateOf(now)} + ${maxClockSkewMinutes} min.)`,
      ),
    );
  }
  return ok(undefined);
}
