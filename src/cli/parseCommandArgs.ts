import { type ParseArgsConfig, parseArgs } from "node:util";
import { err, ok, type Result } from "neverthrow";

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values<T extends Options> = ReturnType<
  typeof parseArgs<{ options: T; strict: true }>
>["values"];

/**
 * `parseArgs` in strict mode without positionals, as a `Result`: an unknown option, a missing
 * value or a stray argument gives Node's message ("Unknown option '--foo'") instead of a throw.
 */
export function parseCommandArgs<T extends Options>(
  args: readonly string[],
  options: T,
): Result<Values<T>, string> {
  try {
    return ok(
      parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) {
      return err((error as Error).message);
    }
    throw error;
  }
}
