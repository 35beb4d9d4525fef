import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { KeyEvent } from "../../src/domain/keyEvent.js";
import { createKms } from "../../src/service/createKms.js";
import type { Kms } from "../../src/service/kms.js";
import { ConcurrentCommand } from "../../src/testing/commands/concurrentCommand.js";
import { DeleteImportedKeyMaterialCommand } from "../../src/testing/commands/deleteImportedKeyMaterialCommand.js";
import { ImportKeyMaterialCommand } from "../../src/testing/commands/importKeyMaterialCommand.js";
import { kmsModelSetup } from "../../src/testing/kmsModelSetup.js";
import { manualClock } from "../../src/testing/manualClock.js";
import type { KeyRef } from "../../src/testing/model/keyRef.js";
import { testCrypto } from "../../src/testing/testCrypto.js";
import { aroundKms, type KmsOperation } from "../support/aroundKms.js";
import { type PairOrder, pairSchedule } from "../support/pairSchedule.js";
import { startOverHttp } from "./support/overHttp.js";

// The false alarm of issue 11, as the differential test reported it at FC_SEED=12345:
//   Counterexample: [0,Concurrently(ImportKeyMaterial(arn(key#1), material#0, token fresh …, +1d),
//                      DeleteImportedKeyMaterial(arn(key#1), KeyMaterialId absent))]
// When the import commits first, the delete removes the material it bound and answers with its
// KeyMaterialId, which the model learns only from the answers. Both orders are legitimate.

const key: KeyRef = { kind: "key", index: 1, form: "arn" };

function counterexample(): ConcurrentCommand {
  return new ConcurrentCommand(
    new ImportKeyMaterialCommand({
      key,
      material: 0,
      token: {
        kind: "fresh",
        wrappingAlgorithm: "RSAES_OAEP_SHA_256",
        wrappingKeySpec: "RSA_2048",
      },
      ciphertext: "wrapped",
      expiry: { kind: "days", days: 1 },
    }),
    new DeleteImportedKeyMaterialCommand(key, "absent"),
  );
}

type Answers = Map<KmsOperation, unknown>;

/** `kms`, keeping the last successful answer of each operation in `answers`. */
function recording(kms: Kms, answers: Answers): Kms {
  return aroundKms(kms, (operation, call) =>
    call().map((response) => {
      answers.set(operation, response);
      return response;
    }),
  );
}

/** Runs the counterexample with material seed 0, the pair completed in `order`. */
async function runCounterexample(over: "sdk" | "inProcess", order: PairOrder): Promise<Answers> {
  const environment = {
    clock: manualClock(new Date("2026-01-01T00:00:00.000Z")),
    accountId: "111122223333",
    region: "us-east-1",
    behaviour: "classic" as const,
    onDemandRotationLimit: 25,
  };
  const audited: KeyEvent[] = [];
  const audit = { record: (event: KeyEvent) => audited.push(event) };
  const schedule = pairSchedule();
  const answers: Answers = new Map();
  const wrap = (kms: Kms) => schedule.wrap(recording(kms, answers));
  const endpoint =
    over === "sdk"
      ? await startOverHttp({ ...environment, audit }, wrap)
      : { kms: wrap(createKms({ ...environment, audit, crypto: testCrypto() })), close() {} };
  try {
    const setup = kmsModelSetup(endpoint.kms, { ...environment, materialSeed: 0, audited });
    await fc.asyncModelRun(setup, [schedule.next(order), counterexample()]);
    return answers;
  } finally {
    await endpoint.close();
  }
}

describe("the reported counterexample of a concurrent import and delete", () => {
  it("is the command the report names", () => {
    expect(String(counterexample())).toBe(
      "Concurrently(ImportKeyMaterial(arn(key#1), material#0, token fresh RSAES_OAEP_SHA_256/RSA_2048, +1d), DeleteImportedKeyMaterial(arn(key#1), KeyMaterialId absent))",
    );
  });

  for (const over of ["sdk", "inProcess"] as const) {
    const through = over === "sdk" ? "through @aws-sdk/client-kms" : "in process";
    it(`passes ${through} when the import commits first and the delete answers with the ID it bound`, async () => {
      const answers = await runCounterexample(over, "asSent");
      const imported = answers.get("importKeyMaterial") as { KeyMaterialId: string };
      expect(answers.get("deleteImportedKeyMaterial")).toEqual({
        KeyId: expect.any(String),
        KeyMaterialId: imported.KeyMaterialId,
      });
    });

    it(`passes ${through} when the delete commits first and finds no material`, async () => {
      const answers = await runCounterexample(over, "reversed");
      expect(answers.get("deleteImportedKeyMaterial")).toEqual({ KeyId: expect.any(String) });
      expect(answers.get("importKeyMaterial")).toMatchObject({ KeyMaterialId: expect.any(String) });
    });
  }
});
