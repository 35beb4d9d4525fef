/**
 * `url` with its password replaced by `***`, safe to print or log. Text that is not a URL is
 * replaced whole, since it might hold a password in a form this function does not know.
 *
 * @example
 * ```ts
 * redactDatabaseUrl("postgres://kms:s3cret@db:5432/kms"); // "postgres://kms:***@db:5432/kms"
 * ```
 */
export function redactDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "(a database URL that does not parse)";
  }
  if (parsed.password !== "") parsed.password = "***";
  for (const name of ["password", "sslpassword"])
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, "***");
  return parsed.toString().replace("%2A%2A%2A", "***");
}
