import { addDays, addHours } from "date-fns";
import { describe, expect, it } from "vitest";
import type { ImportTokenClaims, KeyCommand } from "../../src/domain/keyCommand.js";
import type { KeyMaterial, KeyRecord } from "../../src/domain/keyRecord.js";
import { transition } from "../../src/domain/transition.js";
import { expectError } from "../support/kmsHarness.js";
import {
  arn,
  keyMaterial,
  keyWithMaterial,
  materialIdA,
  materialIdB,
  now,
  parameterSet,
  pendingDeletionKey,
  pendingImportKey,
} from "./keyRecords.js";

type ImportCommand = Extract<KeyCommand, { type: "ImportKeyMaterial" }>;

const tokenValidTo = addHours(now, 24);
const set = parameterSet("set-1", tokenValidTo);
const token: ImportTokenClaims = { keyArn: arn, parameterSetId: "set-1", validTo: tokenValidTo };

function withSet<K extends KeyRecord>(key: K): K {
  return { ...key, parameterSets: [set] };
}

function importing(overrides: Partial<ImportCommand> = {}): ImportCommand {
  return {
    type: "ImportKeyMaterial",
    arn,
    token,
    material: keyMaterial(materialIdA, addDays(now, 30)),
    materialFacts: { kind: "bytes", byteLength: 32 },
    importType: undefined,
    expectedMaterialId: undefined,
    behaviour: "classic",
    ...overrides,
  };
}

describe("transition", () => {
  it("adds one parameter set per GetParametersForImport and drops expired ones", () => {
    const expired = parameterSet("old", now);
    const stored = { ...pendingImportKey(), parameterSets: [expired] };
    const command = { type: "GetParametersForImport", arn, parameterSet: set } as const;
    const { key, events } = transition(stored, command, now)._unsafeUnwrap();
    expect(key.parameterSets).toEqual([set]);
    expect(events).toMatchObject([
      { eventName: "GetParametersForImport", keyState: "PendingImport" },
    ]);
  });

  it("keeps at most 10 parameter sets and drops the oldest", () => {
    const sets = Array.from({ length: 10 }, (_, i) => parameterSet(`s${i}`, tokenValidTo));
    const stored = { ...pendingImportKey(), parameterSets: sets };
    const command = { type: "GetParametersForImport", arn, parameterSet: set } as const;
    const { key } = transition(stored, command, now)._unsafeUnwrap();
    expect(key.parameterSets.map((s) => s.id)).toEqual([
      ...sets.slice(1).map((s) => s.id),
      "set-1",
    ]);
  });

  it("imports into a PendingImport key: Enabled, bound, and the parameter set spent", () => {
    const material = keyMaterial(materialIdA, addDays(now, 30));
    const { key, events } = transition(
      withSet(pendingImportKey()),
      importing({ material }),
      now,
    )._unsafeUnwrap();
    expect(key).toEqual(keyWithMaterial("Enabled", material));
    expect(events).toEqual([
      {
        eventName: "ImportKeyMaterial",
        keyArn: arn,
        eventTime: now,
        keyState: "Enabled",
        keyMaterialId: materialIdA,
      },
    ]);
  });

  it.each(["Enabled", "Disabled"] as const)(
    "reimports the same material into a %s key, keeps the state and replaces ValidTo",
    (state) => {
      const stored = withSet(keyWithMaterial(state, keyMaterial(materialIdA, addDays(now, 5))));
      const material: KeyMaterial = keyMaterial(materialIdA);
      const { key } = transition(stored, importing({ material }), now)._unsafeUnwrap();
      expect(key).toEqual(keyWithMaterial(state, material));
    },
  );

  it.each([31, 33, 16, 64])(
    "returns IncorrectKeyMaterialException for %i bytes of material",
    (materialByteLength) => {
      expectError(
        transition(
          withSet(pendingImportKey()),
          importing({ materialFacts: { kind: "bytes", byteLength: materialByteLength } }),
          now,
        ),
        "IncorrectKeyMaterialException",
      );
    },
  );

  it.each([
    ["Enabled", withSet(keyWithMaterial("Enabled"))],
    ["PendingImport after deletion", withSet(pendingImportKey(materialIdA))],
  ] as const)("returns IncorrectKeyMaterialException for different material (%s)", (_, stored) => {
    const error = expectError(
      transition(stored, importing({ material: keyMaterial(materialIdB) }), now),
      "IncorrectKeyMaterialException",
    );
    expect(error.message).toContain(arn);
  });

  it("returns IncorrectKeyMaterialException for ImportType NEW_KEY_MATERIAL into a bound key", () => {
    expectError(
      transition(
        withSet(pendingImportKey(materialIdA)),
        importing({ importType: "NEW_KEY_MATERIAL" }),
        now,
      ),
      "IncorrectKeyMaterialException",
    );
  });

  it("returns IncorrectKeyMaterialException for ImportType EXISTING_KEY_MATERIAL into a new key", () => {
    expectError(
      transition(
        withSet(pendingImportKey()),
        importing({ importType: "EXISTING_KEY_MATERIAL" }),
        now,
      ),
      "IncorrectKeyMaterialException",
    );
  });

  it("reimports with ImportType EXISTING_KEY_MATERIAL and the matching KeyMaterialId", () => {
    const command = importing({
      importType: "EXISTING_KEY_MATERIAL",
      expectedMaterialId: materialIdA,
    });
    const { key } = transition(
      withSet(pendingImportKey(materialIdA)),
      command,
      now,
    )._unsafeUnwrap();
    expect(key.keyState).toBe("Enabled");
  });

  it("returns IncorrectKeyMaterialException when the KeyMaterialId does not match the material", () => {
    const error = expectError(
      transition(
        withSet(pendingImportKey(materialIdA)),
        importing({ expectedMaterialId: materialIdB }),
        now,
      ),
      "IncorrectKeyMaterialException",
    );
    expect(error.message).toContain(materialIdB);
  });

  it("returns InvalidImportTokenException for a token of another key", () => {
    const foreign = { ...token, keyArn: arn.replace("1234abcd", "99999999") as typeof arn };
    expectError(
      transition(withSet(pendingImportKey()), importing({ token: foreign }), now),
      "InvalidImportTokenException",
    );
  });

  it("returns InvalidImportTokenException for a parameter set the key does not hold", () => {
    expectError(transition(pendingImportKey(), importing(), now), "InvalidImportTokenException");
  });

  it("returns ExpiredImportTokenException at the token's validTo", () => {
    expectError(
      transition(withSet(pendingImportKey()), importing({ material: keyMaterial() }), tokenValidTo),
      "ExpiredImportTokenException",
    );
  });

  it("returns KMSInvalidStateException for an import into a key pending deletion", () => {
    const error = expectError(
      transition(withSet(pendingDeletionKey(addDays(now, 7))), importing(), now),
      "KMSInvalidStateException",
    );
    expect(error.message).toBe(`${arn} is pending deletion.`);
  });

  it.each([
    ["GetParametersForImport", { type: "GetParametersForImport", arn, parameterSet: set }],
    ["ImportKeyMaterial", importing()],
    [
      "DeleteImportedKeyMaterial",
      { type: "DeleteImportedKeyMaterial", arn, expectedMaterialId: undefined },
    ],
  ] as const)("returns UnsupportedOperationException for %s on an AWS_KMS key", (_, command) => {
    const stored = withSet({ ...keyWithMaterial("Enabled"), origin: "AWS_KMS" } as const);
    const error = expectError(transition(stored, command, now), "UnsupportedOperationException");
    expect(error.message).toBe(`${arn} origin is AWS_KMS which is not valid for this operation.`);
  });
});
