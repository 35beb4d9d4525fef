// The `kms-byok serve` processes of the crash test: each serves on a free port below the
// ephemeral range until it is killed with SIGKILL.
import { type ChildProcessByStdio, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import type { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { acceptsConnections } from "../../support/acceptsConnections.js";
import { bundledCli } from "../../support/bundledCli.js";

/** The account every serve process of the crash test serves. */
export const accountId = "111122223333";

/** A `kms-byok serve` process of the crash test; killLeftovers kills any a failed test left. */
export interface ServeProcess {
  /** Resolves once it printed its banner, which it does when its wrapping key pool is warm. */
  readonly warm: Promise<void>;
  killHard(): void;
  readonly exited: Promise<void>;
  /** Whether the process has ended (killed, or by itself). */
  ended(): boolean;
  output(): string;
}

const running = new Set<ChildProcessByStdio<null, Readable, Readable>>();

/** For afterEach: kills the serve processes a failed test left running. */
export function killLeftovers(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/**
 * Starts `kms-byok serve --port port --account … args` and resolves once it accepts connections
 * (it listens after opening the store and before its wrapping key pool is warm, so this is earlier
 * than its banner); "port in use" when the port was taken meanwhile.
 */
export async function startServeOn(
  port: number,
  args: readonly string[],
): Promise<ServeProcess | "port in use"> {
  const child = spawn(
    process.execPath,
    [await bundledCli(), "serve", "--port", String(port), "--account", accountId, ...args],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  running.add(child);
  let output = "";
  const keep = (text: string) => {
    output = (output + text).slice(-8000);
  };
  let printed = "";
  const warm = new Promise<void>((resolve) => {
    child.stdout.on("data", (text: string) => {
      printed += text;
      if (printed.includes("kms create-key --origin EXTERNAL")) resolve();
    });
  });
  child.stdout.setEncoding("utf8").on("data", keep);
  child.stderr.setEncoding("utf8").on("data", keep);
  let ended = false;
  const exited = once(child, "close").then(() => {
    ended = true;
    running.delete(child);
  });
  while (!ended) {
    if (await acceptsConnections(port)) {
      return {
        warm,
        killHard: () => child.kill("SIGKILL"),
        exited,
        ended: () => ended,
        output: () => output,
      };
    }
    await sleep(10);
  }
  if (output.includes("EADDRINUSE")) return "port in use";
  throw new Error(`kms-byok serve ${args.join(" ")} ended without serving:\n${output}`);
}

/**
 * A free loopback port below the ephemeral range. Waiting for a fixed port means connecting to
 * it while nothing listens there, and a connection to a port in the ephemeral range can be
 * given that very port as its own source port: it then connects to itself and holds the port.
 */
export async function quietPort(random: () => number): Promise<number> {
  const ephemeralLow = ephemeralRangeStart();
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = 10_000 + Math.floor(random() * (ephemeralLow - 10_000));
    if (await bindable(port)) return port;
  }
  throw new Error("no free port below the ephemeral range");
}

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8")
      .trim()
      .split(/\s+/);
    const start = Number(low);
    return Number.isInteger(start) && start > 12_000 ? start : 32_768;
  } catch {
    return 32_768;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1" }, () => server.close(() => resolve(true)));
  });
}
