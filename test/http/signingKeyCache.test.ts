import { Buffer } from "node:buffer";
import { getSigningKey } from "@smithy/signature-v4";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signingKeyCache } from "../../src/http/signingKeyCache.js";
import { Sha256 } from "../support/sha256.js";

const alice = { accessKeyId: "AKIDALICE", secretAccessKey: "alice-secret" };
const bob = { accessKeyId: "AKIDBOB", secretAccessKey: "bob-secret" };

describe("signingKeyCache", () => {
  it("derives the signing key of the AWS documentation's example", () => {
    const key = signingKeyCache(4).signingKey(
      { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
      "20120215",
      "us-east-1",
      "iam",
    );
    expect(key.toString("hex")).toBe(
      "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
    );
  });

  it("derives the key @smithy/signature-v4 derives, for any secret, date, Region and service", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1 }),
        fc.date({ min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2"),
        fc.constantFrom("kms", "s3", "iam"),
        async (secretAccessKey, date, region, service) => {
          const day = date.toISOString().slice(0, 10).replaceAll("-", "");
          const credential = { accessKeyId: "AKIDFUZZ", secretAccessKey };
          const expected = await getSigningKey(Sha256, credential, day, region, service);
          const key = signingKeyCache(1).signingKey(credential, day, region, service);
          expect(key.toString("hex")).toBe(Buffer.from(expected).toString("hex"));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("returns the cached key for the same access key, date, Region and service", () => {
    const cache = signingKeyCache(8);
    const first = cache.signingKey(alice, "20260301", "us-east-1", "kms");
    expect(cache.signingKey(alice, "20260301", "us-east-1", "kms")).toBe(first);
    expect(cache.size).toBe(1);
  });

  it("derives another key for another date, Region, service or access key", () => {
    const cache = signingKeyCache(8);
    const keys = [
      cache.signingKey(alice, "20260301", "us-east-1", "kms"),
      cache.signingKey(alice, "20260302", "us-east-1", "kms"),
      cache.signingKey(alice, "20260301", "eu-west-1", "kms"),
      cache.signingKey(alice, "20260301", "us-east-1", "s3"),
      cache.signingKey(bob, "20260301", "us-east-1", "kms"),
    ].map((key) => key.toString("hex"));
    expect(new Set(keys).size).toBe(5);
    expect(cache.size).toBe(5);
  });

  it("never answers for one access key with the key cached for another", () => {
    const cache = signingKeyCache(8);
    const bobs = signingKeyCache(8).signingKey(bob, "20260301", "us-east-1", "kms");
    cache.signingKey(alice, "20260301", "us-east-1", "kms");
    expect(cache.signingKey(bob, "20260301", "us-east-1", "kms").toString("hex")).toBe(
      bobs.toString("hex"),
    );
  });

  it("holds at most its limit of keys, dropping the oldest not used since it was passed over", () => {
    const cache = signingKeyCache(2);
    const first = cache.signingKey(alice, "20260301", "us-east-1", "kms");
    const second = cache.signingKey(alice, "20260302", "us-east-1", "kms");
    // Using the first makes the second the least recently used.
    expect(cache.signingKey(alice, "20260301", "us-east-1", "kms")).toBe(first);
    cache.signingKey(alice, "20260303", "us-east-1", "kms");
    expect(cache.size).toBe(2);
    expect(cache.signingKey(alice, "20260301", "us-east-1", "kms")).toBe(first);
    const again = cache.signingKey(alice, "20260302", "us-east-1", "kms");
    expect(again).not.toBe(second);
    expect(again.toString("hex")).toBe(second.toString("hex"));
    expect(cache.size).toBe(2);
  });

  it("drops the oldest key when every key was used since it was passed over", () => {
    const cache = signingKeyCache(2);
    const first = cache.signingKey(alice, "20260301", "us-east-1", "kms");
    const second = cache.signingKey(alice, "20260302", "us-east-1", "kms");
    cache.signingKey(alice, "20260301", "us-east-1", "kms");
    cache.signingKey(alice, "20260302", "us-east-1", "kms");
    cache.signingKey(alice, "20260303", "us-east-1", "kms");
    expect(cache.size).toBe(2);
    expect(cache.signingKey(alice, "20260302", "us-east-1", "kms")).toBe(second);
    expect(cache.signingKey(alice, "20260301", "us-east-1", "kms")).not.toBe(first);
  });

  it("stays within its limit whatever it is asked for", () => {
    const cache = signingKeyCache(3);
    for (let day = 1; day <= 28; day++) {
      cache.signingKey(alice, `202603${String(day).padStart(2, "0")}`, "us-east-1", "kms");
      expect(cache.size).toBeLessThanOrEqual(3);
    }
  });

  it.each([0, -1, 1.5, Number.NaN])("throws TypeError for a limit of %d", (limit) => {
    expect(() => signingKeyCache(limit)).toThrow(TypeError);
  });
});
