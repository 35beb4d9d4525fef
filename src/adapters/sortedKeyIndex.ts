import type { KeyArn } from "../domain/keyArn.js";

/** Key ARNs in order, for paging without a scan. */
export interface SortedKeyIndex {
  /** Adds an ARN not in the index yet. */
  add(arn: KeyArn): void;
  /** Removes these ARNs. */
  remove(removed: ReadonlySet<KeyArn>): void;
  /** Up to `count` ARNs that start with `prefix` and sort after `after`, in order. */
  page(prefix: string, after: string, count: number): KeyArn[];
}

/**
 * The ARNs of a store in sorted order. An added ARN goes to the end and the array is sorted again
 * before the next page is read; the sort (TimSort) costs little more than a pass over a sorted
 * array with a few new ARNs at its end, and a page is then a binary search and the page itself.
 */
export function sortedKeyIndex(): SortedKeyIndex {
  let arns: KeyArn[] = [];
  let sorted = true;
  const ordered = () => {
    if (!sorted) {
      arns.sort((a, b) => (a < b ? -1 : 1));
      sorted = true;
    }
    return arns;
  };
  return {
    add(arn) {
      if (arns.length > 0 && arn < (arns.at(-1) ?? "")) sorted = false;
      arns.push(arn);
    },
    remove(removed) {
      arns = arns.filter((arn) => !removed.has(arn));
    },
    page(prefix, after, count) {
      const all = ordered();
      const page: KeyArn[] = [];
      for (
        let i = firstAbove(all, after.startsWith(prefix) ? after : prefix);
        i < all.length;
        i++
      ) {
        const arn = all[i];
        if (arn === undefined || !arn.startsWith(prefix) || page.length === count) break;
        page.push(arn);
      }
      return page;
    },
  };
}

/** The index of the first of `sorted` above `bound` (an ARN equal to it is not above it). */
function firstAbove(sorted: readonly string[], bound: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? "") <= bound) low = middle + 1;
    else high = middle;
  }
  return low;
}
