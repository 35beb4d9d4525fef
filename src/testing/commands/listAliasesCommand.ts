import type { ListAliasesResponse } from "../../domain/requests/listAliases.js";
import {
  aliasPoolSize,
  type KeyRef,
  liveAlias,
  modelAliasName,
  showKeyRef,
} from "../model/keyRef.js";
import { lookUpKey } from "../model/lookUpKey.js";
import { allPages } from "./allPages.js";
import { differences } from "./differences.js";
import { type KmsModel, StepCommand } from "./kmsCommand.js";
import type { KmsSystem } from "./kmsSystem.js";
import type { Step } from "./step.js";

/**
 * ListAliases, every page of `limit` aliases, of the scope or of the key `key` names: each alias
 * that lives, once, in name order, with its key and dates (docs/decisions/0023-aliases.md).
 */
export class ListAliasesCommand extends StepCommand {
  constructor(
    readonly limit: number,
    readonly key: KeyRef | undefined,
  ) {
    super();
  }

  async prepare(
    _model: KmsModel,
    system: KmsSystem,
  ): Promise<Step<readonly ListAliasesResponse[]>> {
    return {
      label: this.toString(),
      predict: (state) => {
        let only: number | undefined;
        if (this.key !== undefined) {
          const found = lookUpKey(state, this.key);
          if (typeof found === "string") return { error: found };
          only = found.index;
        }
        const expected = Array.from({ length: aliasPoolSize }, (_, name) => name)
          .map((name) => ({ name, alias: liveAlias(state, name) }))
          .filter(({ alias }) => alias !== undefined && (only === undefined || alias.key === only))
          .map(({ name, alias }) => ({
            AliasName: modelAliasName(name),
            AliasArn: system.aliasArnOf(name),
            TargetKeyId: system.keys[alias?.key ?? -1]?.keyId,
            CreationDate: alias?.creationDate,
            LastUpdatedDate: alias?.lastUpdatedDate,
          }));
        return {
          check: (pages) => {
            const problems: string[] = [];
            for (const page of pages) {
              if (page.Aliases.length > this.limit)
                problems.push(`a page has ${page.Aliases.length} aliases`);
              if (page.Truncated !== (page.NextMarker !== undefined)) {
                problems.push("Truncated disagrees with NextMarker");
              }
            }
            const listed = pages.flatMap((page) => page.Aliases);
            if (listed.length !== expected.length) {
              const names = listed.map((entry) => entry.AliasName).join(", ");
              problems.push(`listed [${names}], expected ${expected.length} aliases`);
            }
            expected.forEach((entry, i) => {
              const got = listed[i];
              if (got === undefined) return;
              problems.push(
                ...differences(got, entry).map((problem) => `${entry.AliasName}: ${problem}`),
              );
            });
            return problems;
          },
        };
      },
      run: () =>
        allPages((marker) =>
          system.kms.listAliases({
            Limit: this.limit,
            ...(this.key === undefined ? {} : { KeyId: system.keyIdOf(this.key) }),
            ...marker,
          }),
        ),
    };
  }

  toString(): string {
    const of = this.key === undefined ? "" : ` of ${showKeyRef(this.key)}`;
    return `ListAliases(Limit ${this.limit}${of}, every page)`;
  }
}
