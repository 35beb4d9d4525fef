import { errAsync, okAsync, type ResultAsync } from "neverthrow";
import { type KmsError, kmsError } from "../domain/kmsError.js";

/**
 * Where a page of a short list kept in one key record (its tags, its materials) starts: 0
 * without a marker, else the position the marker names, which must be inside the list.
 *
 * Errors: `InvalidMarkerException` for any other marker.
 */
export function positionOf(
  marker: string | undefined,
  count: number,
): ResultAsync<number, KmsError> {
  if (marker === undefined) return okAsync(0);
  const start = /^[1-9]\d{0,3}$/.test(marker) ? Number(marker) : Number.NaN;
  return start < count
    ? okAsync(start)
    : errAsync(
        kmsError(
          "InvalidMarkerException",
          "The request was rejected because the marker is not valid.",
        ),
      );
}
