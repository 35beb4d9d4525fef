import fc from "fast-check";
import type { ListKeysRequest } from "../../../../domain/requests/listKeys.js";
import { longString } from "../memberValues.js";
import type { OperationBuilder } from "../operationBuilder.js";
import { invalidMember } from "../violation.js";

const markerCharacter = fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c));

function valid(): fc.Arbitrary<ListKeysRequest> {
  return fc.record(
    {
      Limit: fc.integer({ min: 1, max: 1000 }),
      Marker: fc.string({ unit: markerCharacter, minLength: 1, maxLength: 64 }),
    },
    { requiredKeys: [], noNullPrototype: true },
  );
}

/**
 * ListKeys: `Limit` 1–1000 and `Marker` 1–1024 characters from U+0020 to U+00FF. A generated
 * `Marker` is well-formed but names no page, so a KMS may answer `InvalidMarkerException`.
 */
export const listKeysRequests: OperationBuilder<ListKeysRequest> = {
  members: { Limit: { shape: "integer", max: 1000 }, Marker: { shape: "string", max: 1024 } },
  valid,
  violations: () => {
    const base = valid();
    return [
      invalidMember(base, "Limit", fc.integer({ min: -1000, max: 0 }), "Limit is less than 1"),
      invalidMember(base, "Limit", fc.integer({ min: 1001, max: 1e6 }), "Limit is more than 1000"),
      invalidMember(base, "Marker", fc.constant(""), "Marker is empty"),
      invalidMember(base, "Marker", longString(1025, 2048), "Marker is over 1024 characters"),
      invalidMember(
        base,
        "Marker",
        fc.constantFrom("\n", "\u0100", "page\u00002", "💥"),
        "Marker has a character outside U+0020–U+00FF",
      ),
    ];
  },
};
