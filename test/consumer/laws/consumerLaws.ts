import type { ConsumerLaw } from "../support/consumerKit.js";
import { expiredMaterialReturnsOnReimport } from "./expiredMaterialReturnsOnReimport.js";
import { kitRunsOnThePackage } from "./kitRunsOnThePackage.js";

/**
 * Every law the consumer suite checks, once through `import` and once through `require`. Add a
 * law here and both module formats run it.
 *
 * @example
 * ```ts
 * for (const law of consumerLaws) it(law.name, () => law.check(kit));
 * ```
 */
export const consumerLaws: readonly ConsumerLaw[] = [
  expiredMaterialReturnsOnReimport,
  kitRunsOnThePackage,
];
