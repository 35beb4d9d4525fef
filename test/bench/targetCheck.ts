/** One target of issue 16's kind: what is promised, what one run measured, and whether it held. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** What one section of the bench measured: its rows, their Markdown table, and the targets checked. */
export interface MeasuredSection<Row> {
  readonly rows: readonly Row[];
  readonly table: string;
  readonly checks: readonly TargetCheck[];
}

/** The Markdown table of `checks`, as the README shows it. */
export function targetTable(checks: readonly TargetCheck[]): string {
  const rows = checks.map(
    ({ target, measured, met }) => `| ${target} | ${measured} | ${met ? "yes" : "**no**"} |`,
  );
  return ["| Target | Measured | Met |", "|---|---|---|", ...rows].join("\n");
}
