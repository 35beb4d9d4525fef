/**
 * `url` with its password replaced by `***`, safe to print or log: the password of the
 * user-info part and a `password=` parameter. A URL that `new URL` cannot parse (a socket URL
 * such as `postgres://kms:pw@/kms?host=/run/postgresql`) is redacted by the same rules on its
 * text.
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
    return url
      .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@?#]*:)[^@/?#]*@/i, "$1***@")
      .replace(/(\b(?:ssl)?password=)[^&\s]*/gi, "$1***");
  }
  if (parsed.password !== "") parsed.password = "***";
  for (const name of ["password", "sslpassword"])
    if (parsed.searchParams.has(name)) parsed.searchParams.set(name, "***");
  return parsed.toString().replaceAll("%2A%2A%2A", "***");
}
