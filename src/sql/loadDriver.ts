import { ResultAsync } from "neverthrow";
import { causeOf, type SqlStoreOpenError, sqlStoreOpenError } from "./sqlStoreOpenError.js";

/**
 * Loads a database driver only when a store of its engine is opened, so that `kms-byok` and
 * `kms-byok/testing` never load one.
 *
 * Errors: `DriverMissing`, whose message says what to install.
 */
export function loadDriver<T>(
  moduleName: string,
  engineName: string,
  installSpec: string,
): ResultAsync<T, SqlStoreOpenError> {
  return ResultAsync.fromPromise(
    import(moduleName).then((module: { default?: T }) => module.default ?? (module as T)),
    (error) =>
      sqlStoreOpenError(
        "DriverMissing",
        `${engineName} needs the npm package ${moduleName}, which did not load (${causeOf(error)}): install it with npm install ${installSpec}`,
      ),
  );
}
