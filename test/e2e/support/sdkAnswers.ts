import { failure, rejection } from "./sdkImports.js";

/** An output of `@aws-sdk/client-kms` without its `$metadata`: the members the service sent. */
export const answer = <T extends { $metadata: unknown }>({ $metadata, ...rest }: T) => rest;

/** What the SDK reports of a request that must fail: its exception name, message, HTTP status. */
export const fails = async (request: Promise<unknown>) => failure(await rejection(request));

/** An error as {@link fails} reports it, answered with HTTP 400. */
export const error400 = (name: string, message: string) => ({ name, message, status: 400 });

/** The answer of an operation that takes a key ID or key ARN only to an alias. */
export const aliasRefused = error400(
  "InvalidArnException",
  "Key Aliases are not supported for this operation.",
);
