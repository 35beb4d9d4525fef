import type { ListKeysResponse } from "../../domain/requests/listKeys.js";
import { liveKey } from "../model/liveKey.js";
import { allPages } from "./allPages.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import type { Step } from "./step.js";

/** ListKeys, every page of `limit` keys: each key that exists, once (docs/decisions/0013-deletion-window.md: none past its deletion date). */
export class ListKeysCommand extends StepCommand {
  constructor(readonly limit: number) {
    super();
  }

  async prepare(_model: KmsModel, system: KmsSystem): Promise<Step<readonly ListKeysResponse[]>> {
    return {
      label: this.toString(),
      predict: (state) => {
        const expected = state.keys
          .map((_, index) => index)
          .filter((index) => liveKey(state, index) !== undefined)
          .map((index) => system.keys[index]?.keyId ?? "")
          .sort();
        // With no key past its deletion date a page is never emptied after the store filled it.
        const noneDeleted = expected.length === state.keys.length;
        return {
          check: (pages) => {
            const problems: string[] = [];
            for (const page of pages) {
              if (page.Keys.length > this.limit)
                problems.push(`a page has ${page.Keys.length} keys`);
              if (page.Truncated !== (page.NextMarker !== undefined)) {
                problems.push("Truncated disagrees with NextMarker");
              }
            }
            if (noneDeleted && pages.slice(1).some((page) => page.Keys.length === 0)) {
              problems.push("a page after a Truncated one is empty");
            }
            const listed = pages.flatMap((page) => page.Keys.map((key) => key.KeyId)).sort();
            if (listed.join() !== expected.join()) {
              problems.push(`listed [${listed.join(", ")}], expected [${expected.join(", ")}]`);
            }
            return problems;
          },
        };
      },
      run: () => allPages((marker) => system.kms.listKeys({ Limit: this.limit, ...marker })),
    };
  }

  toString(): string {
    return `ListKeys(Limit ${this.limit}, every page)`;
  }
}
