import { execFile } from "node:child_process";

/** How a finished child process ended. */
export interface ProcessOutcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `file` with `args` and resolves with its exit code and output, whatever the exit code.
 * Asynchronous on purpose: the endpoint under test lives in this process, so a blocking
 * execFileSync would stop it from answering. Rejects only when the process could not run or
 * was killed (e.g. after `timeoutMs`).
 */
export function runProcess(
  file: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env: NodeJS.ProcessEnv; readonly timeoutMs?: number },
): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
        env: options.env,
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
        encoding: "utf8",
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ exitCode: 0, stdout, stderr });
        } else if (typeof error.code === "number") {
          resolve({ exitCode: error.code, stdout, stderr });
        } else {
          reject(new Error(`${file} did not finish: ${error.message}\n${stderr}`));
        }
      },
    );
  });
}
