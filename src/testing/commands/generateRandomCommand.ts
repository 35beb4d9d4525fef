import type { GenerateRandomResponse } from "../../domain/requests/generateRandom.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import { outcomeOf, type Step } from "./step.js";

/** GenerateRandom: exactly `numberOfBytes` bytes, 1–1024; anything else is ValidationException. */
export class GenerateRandomCommand extends StepCommand {
  constructor(readonly numberOfBytes: number) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<GenerateRandomResponse>> {
    return {
      label: this.toString(),
      predict: () => {
        if (this.numberOfBytes < 1 || this.numberOfBytes > 1024) {
          return { error: "ValidationException" };
        }
        return {
          check: (response) =>
            response.Plaintext?.byteLength === this.numberOfBytes
              ? []
              : [`Plaintext is not ${this.numberOfBytes} bytes`],
        };
      },
      run: () => outcomeOf(system.kms.generateRandom({ NumberOfBytes: this.numberOfBytes })),
    };
  }

  toString(): string {
    return `GenerateRandom(${this.numberOfBytes})`;
  }
}
