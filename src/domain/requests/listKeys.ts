import type { Result } from "neverthrow";
import type { KmsError } from "../kmsError.js";
import { RequestReader } from "./requestReader.js";

/** The ListKeys request, as in the AWS model. */
export interface ListKeysRequest {
  /** 1–1000 keys per page; 100 when absent. */
  readonly Limit?: number | undefined;
  /** The `NextMarker` of the previous page. */
  readonly Marker?: string | undefined;
}

/** One entry of a ListKeys page. */
export interface KeyListEntry {
  readonly KeyId: string;
  readonly KeyArn: string;
}

/** The ListKeys response: a page of keys, and a marker while more follow. */
export interface ListKeysResponse {
  readonly Keys: KeyListEntry[];
  readonly Truncated: boolean;
  readonly NextMarker?: string;
}

/** A validated page request. */
export interface ListKeysInput {
  readonly limit: number;
  readonly marker?: string;
}

/** The page size when a ListKeys request gives no `Limit`. */
export const defaultListKeysLimit = 100;

/**
 * Validates a ListKeys request (`Limit` 1–1000, `Marker` 1–1024 printable characters).
 *
 * Errors: `SerializationException`, `ValidationException`.
 */
export function validateListKeysRequest(input: unknown): Result<ListKeysInput, KmsError> {
  return RequestReader.of(input).andThen((reader) => {
    const limit = reader.integer("Limit", { min: 1, max: 1000 }) ?? defaultListKeysLimit;
    const marker = reader.string("Marker", { min: 1, max: 1024, pattern: /^[\u0020-\u00FF]*$/ });
    return reader.finish(() => (marker === undefined ? { limit } : { limit, marker }));
  });
}
