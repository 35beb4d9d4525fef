/** An HTTP request as the endpoint sees it, after the body was read in full. */
export interface WireRequest {
  readonly method: string;
  /** The request target: path and query, e.g. `/`. */
  readonly url: string;
  /** Header values by lowercase name; repeated headers joined with `,`. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Uint8Array;
}

/** What the endpoint answers. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}
