// A throwaway PostgreSQL cluster for tests: its own data directory under the temp directory, its
// own port on 127.0.0.1, its own Unix socket directory, trust authentication for the superuser
// `postgres`. It never touches an installed cluster (Debian's `main`): no pg_ctlcluster, no
// /var/run/postgresql, no /var/lib/postgresql.
//
// As root, initdb and pg_ctl refuse to run, so they run as the `postgres` user through
// `runuser -u postgres --` and the temp directory is handed to that user; as anyone else they run
// directly. Durability settings are PostgreSQL's own (fsync on): fault tests that crash the server
// with `pause()` (an immediate stop) must see what a real crash leaves behind.
//
// A cluster is stopped and removed by stop(); if the process that started it ends without calling
// stop() (Ctrl-C, a crash), an 'exit' handler stops it, and a small detached watchdog stops it once
// that process is gone even when it was killed outright (SIGKILL).
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { appendFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where Debian's `postgresql-15` package puts its binaries. */
export const debianPostgresBinDir = "/usr/lib/postgresql/15/bin";

/** Where to look for the binaries: `KMS_BYOK_TEST_POSTGRES_BIN` when set, else Debian's 15. */
export function postgresBinDir(): string {
  return process.env["KMS_BYOK_TEST_POSTGRES_BIN"] || debianPostgresBinDir;
}

/** postgresBinDir() (or `binDir`) if `initdb`, `pg_ctl` and `postgres` are there, else undefined. */
export function findPostgresBinDir(binDir: string = postgresBinDir()): string | undefined {
  const complete = ["initdb", "pg_ctl", "postgres"].every((name) => existsSync(join(binDir, name)));
  return complete ? binDir : undefined;
}

export interface ThrowawayClusterOptions {
  /** Default: a free port the OS picks (retried on a clash). */
  readonly port?: number;
  /** Default: findPostgresBinDir(). */
  readonly binDir?: string;
  /** More postgresql.conf settings, e.g. `{ max_connections: 20 }`. */
  readonly settings?: Readonly<Record<string, string | number | boolean>>;
}

export interface ThrowawayCluster {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`: the superuser, no password. */
  readonly url: string;
  readonly port: number;
  /** PGDATA. Its parent directory, removed by stop(), also holds the socket and the log. */
  readonly dataDir: string;
  /** The server's log (pg_ctl -l), appended to by every start. */
  readonly logFile: string;
  /** Whether the server is running: false after pause() or stop(). */
  readonly running: boolean;
  /**
   * Loses the database: `pg_ctl stop -m immediate`, which kills the server without a checkpoint,
   * like a crash. Connections fail (ECONNREFUSED) until resume(). Does nothing when paused.
   */
  pause(): Promise<void>;
  /** Starts the same cluster again on the same port (replaying its WAL) and waits until it is up. */
  resume(): Promise<void>;
  /** Runs `pg_ctl -D <dataDir> ...args` as the cluster's owner; resolves to what it printed. */
  pgCtl(...args: readonly string[]): Promise<string>;
  /** Stops the server (`-m fast`) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
}

const clashAttempts = 5;

/** Creates, configures and starts a new cluster: 1–2 s (initdb is most of it). */
export async function startThrowawayCluster(
  options: ThrowawayClusterOptions = {},
): Promise<ThrowawayCluster> {
  const binDir = options.binDir ?? findPostgresBinDir();
  if (binDir === undefined) {
    throw new Error(
      `no PostgreSQL binaries (initdb, pg_ctl, postgres) in ${postgresBinDir()}: apt-get install -y --no-upgrade postgresql, or point KMS_BYOK_TEST_POSTGRES_BIN at them`,
    );
  }
  const asRoot = process.getuid?.() === 0;
  // The owner runs initdb and pg_ctl: root hands them to the postgres user.
  const owner = (program: string, args: readonly string[]): [string, string[]] =>
    asRoot
      ? ["runuser", ["-u", "postgres", "--", join(binDir, program), ...args]]
      : [join(binDir, program), [...args]];

  const dir = await mkdtemp(join(tmpdir(), "kms-byok-postgres-"));
  const dataDir = join(dir, "data");
  const logFile = join(dir, "postgres.log");
  const confFile = join(dataDir, "postgresql.conf");
  const run = (program: string, args: readonly string[]) => runOwned(owner(program, args), dir);
  const pgCtl = (...args: readonly string[]) => run("pg_ctl", ["-D", dataDir, ...args]);

  let running = false;
  let watchdog: number | undefined;
  // Stops the server from an 'exit' handler, where nothing asynchronous runs any more, or after
  // a failed start (which may still have left a server running).
  const stopNow = () => {
    const [command, args] = owner("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    if (existsSync(join(dataDir, "postmaster.pid"))) {
      spawnSync(command, args, { cwd: dir, stdio: "ignore", timeout: 10_000 });
    }
    running = false;
    rmSync(dir, { recursive: true, force: true });
    stopWatchdog();
    process.off("exit", stopNow);
  };
  const stopWatchdog = () => {
    if (watchdog === undefined) return;
    try {
      process.kill(-watchdog, "SIGKILL"); // its process group: the shell and its `sleep`
    } catch {
      // already gone
    }
    watchdog = undefined;
  };

  // From here on the directory (and, later, the server) goes away with this process.
  process.once("exit", stopNow);
  watchdog = startWatchdog(dir, owner("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]));
  try {
    if (asRoot) await runOwned(["chown", ["postgres:postgres", dir]], dir);
    await run("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--no-locale",
      "--no-sync", // only initdb's own final fsync; the server keeps fsync on
    ]);
    const settings = {
      listen_addresses: "127.0.0.1",
      unix_socket_directories: dir,
      ...options.settings,
    };
    await appendFile(confFile, `\n# kms-byok throwaway cluster\n${confLines(settings)}`);

    let port = options.port ?? (await freePort());
    for (let attempt = 1; ; attempt++) {
      await appendFile(confFile, confLines({ port }));
      try {
        await pgCtl("-l", logFile, "-w", "-t", "60", "start");
        running = true;
        break;
      } catch (error) {
        const clash = /could not bind|address already in use/i.test(await tail(logFile));
        if (options.port !== undefined || !clash || attempt === clashAttempts) throw error;
        port = await freePort();
      }
    }

    const cluster: ThrowawayCluster = {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      port,
      dataDir,
      logFile,
      get running() {
        return running;
      },
      async pause() {
        if (!running) return;
        await pgCtl("-m", "immediate", "-w", "stop");
        running = false;
      },
      async resume() {
        if (running) return;
        try {
          await pgCtl("-l", logFile, "-w", "-t", "60", "start");
        } catch (error) {
          throw new Error(`${message(error)}\n--- server log ---\n${await tail(logFile)}`, {
            cause: error,
          });
        }
        running = true;
      },
      pgCtl,
      async stop() {
        process.off("exit", stopNow);
        try {
          if (running) await pgCtl("-m", "fast", "-w", "stop");
        } catch {
          stopNow();
        } finally {
          running = false;
          stopWatchdog();
          await rm(dir, { recursive: true, force: true });
        }
      },
    };
    return cluster;
  } catch (error) {
    const log = await tail(logFile);
    stopNow();
    throw new Error(
      `could not start a throwaway PostgreSQL cluster in ${dir}: ${message(error)}${log === "" ? "" : `\n--- server log ---\n${log}`}`,
      { cause: error },
    );
  }
}

/** Runs a command with cwd `dir` (the postgres user may not enter ours); rejects with its output. */
function runOwned([command, args]: [string, string[]], dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd: dir, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error === null) resolve(stdout);
      else
        reject(
          new Error(`${command} ${args.join(" ")} failed: ${error.message}\n${stdout}${stderr}`),
        );
    });
  });
}

/** postgresql.conf lines; string values quoted, quotes doubled. */
function confLines(settings: Readonly<Record<string, string | number | boolean>>): string {
  return Object.entries(settings)
    .map(([name, value]) =>
      typeof value === "string"
        ? `${name} = '${value.replaceAll("'", "''")}'\n`
        : `${name} = ${value}\n`,
    )
    .join("");
}

/** A port nobody listens on right now; the caller retries if another process takes it first. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port === 0 ? reject(new Error("no free port")) : resolve(port)));
    });
  });
}

/**
 * A detached shell that waits for this process to end, then stops the cluster and removes `dir`:
 * the cleanup that still happens when this process is killed without running its 'exit' handlers.
 * Returns its pid, which is also its process group.
 */
function startWatchdog(dir: string, [command, args]: [string, string[]]): number | undefined {
  const script = [
    "owner=$1; dir=$2; shift 2",
    'while kill -0 "$owner" 2>/dev/null; do sleep 1; done',
    '"$@" >/dev/null 2>&1',
    'rm -rf "$dir"',
  ].join("\n");
  const child = spawn(
    "/bin/sh",
    ["-c", script, "kms-byok-postgres-watchdog", String(process.pid), dir, command, ...args],
    { cwd: dir, detached: true, stdio: "ignore" },
  );
  child.on("error", () => {}); // best effort: without /bin/sh, the 'exit' handler still runs
  child.unref();
  return child.pid;
}

async function tail(file: string, lines = 30): Promise<string> {
  try {
    return (await readFile(file, "utf8")).trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
