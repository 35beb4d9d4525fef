import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { err, ok, type Result } from "neverthrow";
import { fileErrorMessage } from "./fileErrorMessage.js";

/** How {@link writeFileAtomically} writes. */
export interface WriteOptions {
  /** The file's permissions from the moment it exists; `0o666` less the umask when absent. */
  readonly mode?: number;
  /** Replace an existing file; when false, an existing file is an error and stays as it was. */
  readonly overwrite: boolean;
}

/**
 * Writes `data` to `path` whole or not at all: to a new temporary file in the same directory,
 * flushed to disk, then renamed (or, without `overwrite`, hard-linked, which fails if `path`
 * exists) into place. The error says why in a few words, without the path.
 */
export function writeFileAtomically(
  path: string,
  data: Uint8Array,
  options: WriteOptions,
): Result<void, string> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    const fd = openSync(temporary, "wx", options.mode ?? 0o666);
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (options.overwrite) renameSync(temporary, path);
    else placeWithoutOverwriting(temporary, path);
    return ok(undefined);
  } catch (error) {
    removeQuietly(temporary);
    return err(fileErrorMessage(error));
  }
}

function placeWithoutOverwriting(temporary: string, path: string): void {
  try {
    linkSync(temporary, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some file systems have no hard links; there a check before the rename has to do.
    if (code === "EEXIST" || existsSync(path)) throw error;
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    renameSync(temporary, path);
    return;
  }
  unlinkSync(temporary);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone, or never made.
  }
}
