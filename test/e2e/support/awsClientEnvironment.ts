import { mkdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * The environment for a real AWS client (AWS CLI, boto3) run from the tests: a throwaway HOME,
 * config and credentials files that do not exist, the open-mode credentials `local`/`local` and
 * us-east-1, so nothing from the machine's own AWS setup leaks in. Nothing else is inherited;
 * PATH is `/usr/bin:/bin` after `extraPath`.
 */
export async function awsClientEnvironment(
  dir: string,
  extraPath: readonly string[] = [],
): Promise<NodeJS.ProcessEnv> {
  const home = join(dir, "home");
  await mkdir(home, { recursive: true });
  return {
    PATH: [...extraPath, "/usr/bin", "/bin"].join(":"),
    HOME: home,
    LANG: "C.UTF-8",
    AWS_CONFIG_FILE: join(dir, "no-such-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-such-credentials"),
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_PAGER: "",
  };
}
