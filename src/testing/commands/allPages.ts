import type { Result, ResultAsync } from "neverthrow";
import type { KmsError } from "../../domain/kmsError.js";
import { type Outcome, outcomeOf } from "./step.js";

/**
 * Every page of a paged list call, following `NextMarker` (at most `maxPages`, so a target
 * that never stops handing out markers fails the check instead of hanging the run).
 */
export async function allPages<P extends { readonly NextMarker?: string }>(
  page: (marker: {
    readonly Marker?: string;
  }) => ResultAsync<P, KmsError> | Promise<Result<P, KmsError>>,
  maxPages = 1000,
): Promise<Outcome<readonly P[]>> {
  const pages: P[] = [];
  let marker: string | undefined;
  do {
    const outcome = await outcomeOf(page(marker === undefined ? {} : { Marker: marker }));
    if (!outcome.ok) return outcome;
    pages.push(outcome.value);
    marker = outcome.value.NextMarker;
  } while (marker !== undefined && pages.length <= maxPages);
  return { ok: true, value: pages };
}
