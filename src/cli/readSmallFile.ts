import { closeSync, openSync, readSync } from "node:fs";
import { err, ok, type Result } from "neverthrow";
import { fileErrorMessage } from "./fileErrorMessage.js";

/**
 * Reads a file of at most `maxBytes`, also a pipe such as `<(openssl rand 32)`. The error says
 * why in a few words ("no such file or directory", "is larger than 32 bytes"), without the path.
 */
export function readSmallFile(path: string, maxBytes: number): Result<Buffer, string> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    return err(fileErrorMessage(error));
  }
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) return err(`is larger than ${maxBytes} bytes`);
    }
    return ok(buffer.subarray(0, length));
  } catch (error) {
    return err(fileErrorMessage(error));
  } finally {
    closeSync(fd);
  }
}
