/**
 * The members of `actual` that differ from `expected`, as sentences. `undefined` in `expected`
 * means the member must be absent; dates compare by time.
 */
export function differences(actual: object, expected: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const [member, value] of Object.entries(expected)) {
    const got: unknown = (actual as Record<string, unknown>)[member];
    const same =
      value instanceof Date && got instanceof Date
        ? value.getTime() === got.getTime()
        : Object.is(value, got);
    if (!same) problems.push(`${member} is ${text(got)}, expected ${text(value)}`);
  }
  return problems;
}

function text(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
