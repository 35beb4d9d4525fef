import { spawn } from "node:child_process";

/**
 * Runs `node <args>` in a separate process (so a load generator does not share the measured
 * process's event loop), writes `input` to its stdin, and resolves to its stdout once it exits
 * 0; rejects with its stderr otherwise.
 */
export function nodeChild(what: string, args: readonly string[], input = ""): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${what} exited with ${code}: ${stderr}`));
    });
    child.stdin.end(input);
  });
}
