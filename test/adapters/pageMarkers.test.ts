import { describe, expect, it } from "vitest";
import { pageMarkers } from "../../src/adapters/pageMarkers.js";
import type { KeyArn } from "../../src/domain/keyArn.js";

const scope = { accountId: "111122223333", region: "us-east-1" };
const arn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" as KeyArn;
const markers = pageMarkers(new Uint8Array(32).fill(7));

describe("pageMarkers", () => {
  it("reads back the ARN of a marker it made, for the same scope", () => {
    expect(markers.decode(scope, markers.encode(scope, arn))).toBe(arn);
  });

  it("refuses its marker in another account or Region, and under another secret", () => {
    const marker = markers.encode(scope, arn);
    expect(markers.decode({ ...scope, accountId: "444455556666" }, marker)).toBeUndefined();
    expect(markers.decode({ ...scope, region: "eu-west-1" }, marker)).toBeUndefined();
    expect(pageMarkers(new Uint8Array(32)).decode(scope, marker)).toBeUndefined();
  });

  it("refuses a marker with its ARN changed, its tag cut or changed, or anything added", () => {
    const marker = markers.encode(scope, arn);
    const [encodedArn = "", tag = ""] = marker.split(".");
    const otherArn = Buffer.from(`${arn.slice(0, -1)}c`).toString("base64url");
    const flipped = `${tag.slice(0, -2)}${tag.endsWith("AA") ? "BA" : "AA"}`;
    for (const forged of [
      `${otherArn}.${tag}`,
      `${encodedArn}.${tag.slice(0, -1)}`,
      `${encodedArn}.${flipped}`,
      `${marker}.x`,
      encodedArn,
      "",
    ])
      expect(markers.decode(scope, forged)).toBeUndefined();
  });

  it("keeps the markers of one purpose apart from those of another and from the key pages", () => {
    const aliases = pageMarkers<string>(new Uint8Array(32).fill(7), "alias pages");
    const name = "alias/dev-key";
    const marker = aliases.encode(scope, name);

    expect(aliases.decode(scope, marker)).toBe(name);
    expect(markers.decode(scope, marker)).toBeUndefined();
    expect(
      pageMarkers(new Uint8Array(32).fill(7), "other pages").decode(scope, marker),
    ).toBeUndefined();
    expect(aliases.decode(scope, markers.encode(scope, arn))).toBeUndefined();
  });
});
