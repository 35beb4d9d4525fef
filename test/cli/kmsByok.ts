import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { bundledCli } from "../support/bundledCli.js";

/** How a run of the command ended and what it printed. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

// The command as one bundled file of src/cli/main.ts (test/support/bundledCli.ts): a process
// starts in ~0.2 s of CPU where `node --import tsx` takes ~2 s, and the tests start hundreds.
const command = async (args: readonly string[]) => [await bundledCli(), ...args];

/** Runs `kms-byok args` to the end. */
export function kmsByok(...args: string[]): Promise<CliRun> {
  return kmsByokIn(process.cwd(), ...args);
}

/** Runs `kms-byok args` to the end in the working directory `cwd`. */
export async function kmsByokIn(cwd: string, ...args: string[]): Promise<CliRun> {
  const argv = await command(args);
  return new Promise((resolve) => {
    execFile(process.execPath, argv, { cwd }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A `kms-byok serve` process that printed its ready-to-paste aws line. */
export interface RunningServe {
  /** The endpoint URL from the aws line. */
  readonly url: string;
  readonly port: number;
  stdout(): string;
  stderr(): string;
  /** Resolves once stdout matches `pattern`; rejects if the process ends first. */
  waitForStdout(pattern: RegExp): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  /** Resolves with how the process ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<() => void>();

/** Kills (SIGKILL) every `kms-byok serve` a test left running. */
export function killLeftoverServes(): void {
  for (const kill of running) kill();
  running.clear();
}

const awsLine = /aws --endpoint-url (http:\/\/\S+?:(\d+)) kms create-key --origin EXTERNAL/;

/**
 * Starts `kms-byok serve args` and resolves when it is ready, or with how it ended when it
 * exits without becoming ready.
 */
export function startServe(...args: string[]): Promise<RunningServe | CliRun> {
  return startServeIn(process.cwd(), ...args);
}

/** {@link startServe} in the working directory `cwd`. */
export async function startServeIn(cwd: string, ...args: string[]): Promise<RunningServe | CliRun> {
  const child = spawn(process.execPath, await command(["serve", ...args]), {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const kill = () => child.kill("SIGKILL");
  running.add(kill);
  let stdout = "";
  let stderr = "";
  const changed = new EventTarget();
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    stdout += text;
    changed.dispatchEvent(new Event("output"));
  });
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  const exited = once(child, "close").then(([code, signal]) => {
    running.delete(kill);
    changed.dispatchEvent(new Event("output"));
    return { code: code as number | null, signal: signal as NodeJS.Signals | null };
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const waitForStdout = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (pattern.test(stdout)) {
          changed.removeEventListener("output", check);
          resolve();
        } else if (ended || child.exitCode !== null || child.signalCode !== null) {
          changed.removeEventListener("output", check);
          reject(new Error(`kms-byok serve ended before printing ${pattern}:\n${stdout}${stderr}`));
        }
      };
      changed.addEventListener("output", check);
      check();
    });

  const ready = await waitForStdout(awsLine).then(
    () => true,
    () => false,
  );
  if (!ready) {
    const { code } = await exited;
    return { code: code ?? -1, stdout, stderr };
  }
  const [, url = "", port = ""] = awsLine.exec(stdout) ?? [];
  return {
    url,
    port: Number(port),
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStdout,
    kill: (signal) => child.kill(signal),
    exited,
  };
}

/** Whether `started` is a running serve rather than one that ended. */
export function isRunning(started: RunningServe | CliRun): started is RunningServe {
  return "url" in started;
}
