import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sigV4Authentication } from "../../src/http/authenticate.js";
import { parseAuthorization } from "../../src/http/parseAuthorization.js";
import { signingKeyCache } from "../../src/http/signingKeyCache.js";
import { sigV4Signature } from "../../src/http/sigV4Signature.js";
import type { WireRequest } from "../../src/http/wireRequest.js";
import { manualClock } from "../../src/testing/manualClock.js";
import { Sha256 } from "../support/sha256.js";

const alice = {
  accessKeyId: "AKIDALICE",
  secretAccessKey: "alice-secret",
  accountId: "111111111111",
};
const bob = { accessKeyId: "AKIDBOB", secretAccessKey: "bob-secret", accountId: "222222222222" };
const host = "127.0.0.1:4599";

interface Signing {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly date: Date;
  readonly body?: string;
  readonly target?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly contentSha256?: boolean;
}

/** A request as the endpoint receives it, signed by @smithy/signature-v4. */
async function signed(how: Signing): Promise<WireRequest> {
  const body = how.body ?? "{}";
  const url = new URL(how.target ?? "/", `http://${host}`);
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    query[name] = values.length === 1 ? (values[0] as string) : values;
  }
  const signer = new SignatureV4({
    credentials: how,
    region: "us-east-1",
    service: "kms",
    sha256: Sha256,
    applyChecksum: how.contentSha256 ?? false,
  });
  const request = await signer.sign(
    {
      method: "POST",
      protocol: "http:",
      hostname: "127.0.0.1",
      path: url.pathname,
      query,
      headers: {
        host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "TrentService.DescribeKey",
        ...how.headers,
      },
      body,
    },
    { signingDate: how.date },
  );
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return { method: "POST", url: how.target ?? "/", headers, body: Buffer.from(body) };
}

/** `request` with its signature replaced by one computed under `signingKey`. */
function resigned(request: WireRequest, signingKey: Uint8Array): WireRequest {
  const header = request.headers["authorization"] ?? "";
  const authorization = parseAuthorization(header)._unsafeUnwrap();
  const bodyHash = createHash("sha256").update(request.body).digest("hex");
  const forged = sigV4Signature(request, authorization, bodyHash, signingKey);
  return {
    ...request,
    headers: {
      ...request.headers,
      authorization: header.replace(/Signature=[0-9a-f]{64}/, `Signature=${forged}`),
    },
  };
}

const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const blanks = fc.constantFrom(" ", "  ", "\t", " \t ");
/** A header value as node:http delivers it: no blanks at either end, maybe runs inside. */
const headerValue = fc
  .array(fc.oneof(fc.stringMatching(/^[!-~]{1,8}$/), blanks), { maxLength: 6 })
  .map((parts) => parts.join("").trim());

describe("sigV4Signature", () => {
  it("computes the signature @smithy/signature-v4 computed, whatever the extra headers, path, query and body", async () => {
    const keys = signingKeyCache(4);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          token.filter((name) => !["authorization", "date", "x-amz-date", "host"].includes(name)),
          headerValue,
          { maxKeys: 5 },
        ),
        fc.oneof(
          fc.constant("/"),
          fc.constantFrom(
            "/?a=b",
            "/?b=2&a=1&b=1",
            "/?x=a%20b&y=%2F",
            "/?k",
            "/a/./b/../c/",
            "/%7Ex?X-Amz-Signature=1",
          ),
          fc
            .array(fc.tuple(fc.stringMatching(/^[a-c]{1,2}$/), fc.string({ maxLength: 4 })), {
              minLength: 1,
              maxLength: 4,
            })
            .map((pairs) => `/?${new URLSearchParams(pairs).toString()}`),
        ),
        fc.string({ maxLength: 40 }),
        fc.boolean(),
        async (headers, target, body, contentSha256) => {
          const date = new Date("2026-03-01T12:00:00.000Z");
          const request = await signed({ ...alice, date, headers, target, body, contentSha256 });
          const authorization = parseAuthorization(
            request.headers["authorization"],
          )._unsafeUnwrap();
          const bodyHash = createHash("sha256").update(request.body).digest("hex");
          const key = keys.signingKey(alice, "20260301", "us-east-1", "kms");
          expect(sigV4Signature(request, authorization, bodyHash, key)).toBe(
            authorization.signature,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("sigV4Authentication with its signing key cache", () => {
  it("refuses a request signed with another secret for the same access key after a good one had its key cached", async () => {
    const now = new Date("2026-03-01T12:00:00.000Z");
    const authenticate = sigV4Authentication([alice], "us-east-1", manualClock(now));
    expect(authenticate(await signed({ ...alice, date: now }))._unsafeUnwrap()).toBe(
      alice.accountId,
    );
    const wrongSecret = await signed({ ...alice, secretAccessKey: "not-alice-secret", date: now });
    expect(authenticate(wrongSecret)._unsafeUnwrapErr().name).toBe("InvalidSignatureException");
    expect(authenticate(await signed({ ...alice, date: now }))._unsafeUnwrap()).toBe(
      alice.accountId,
    );
  });

  it("does not verify a request of one date with the signing key cached for another", async () => {
    const clock = manualClock(new Date("2026-03-01T23:55:00.000Z"));
    const authenticate = sigV4Authentication([alice], "us-east-1", clock);
    const before = await signed({ ...alice, date: new Date("2026-03-01T23:50:00.000Z") });
    expect(authenticate(before)).toBeOk();
    const after = await signed({ ...alice, date: new Date("2026-03-02T00:05:00.000Z") });
    const firstDaysKey = signingKeyCache(1).signingKey(alice, "20260301", "us-east-1", "kms");
    expect(authenticate(resigned(after, firstDaysKey))._unsafeUnwrapErr().name).toBe(
      "InvalidSignatureException",
    );
    expect(authenticate(after)._unsafeUnwrap()).toBe(alice.accountId);
  });

  it("does not verify a request claiming one access key with the signing key cached for another", async () => {
    const now = new Date("2026-03-01T12:00:00.000Z");
    const authenticate = sigV4Authentication([alice, bob], "us-east-1", manualClock(now));
    expect(authenticate(await signed({ ...alice, date: now }))).toBeOk();
    const claimsBob = await signed({ ...bob, date: now });
    const alicesKey = signingKeyCache(1).signingKey(alice, "20260301", "us-east-1", "kms");
    expect(authenticate(resigned(claimsBob, alicesKey))._unsafeUnwrapErr().name).toBe(
      "InvalidSignatureException",
    );
    expect(authenticate(claimsBob)._unsafeUnwrap()).toBe(bob.accountId);
  });
});
