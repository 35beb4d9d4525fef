/** Says in a few words why a file could not be read or written: "no such file or directory"… */
export function fileErrorMessage(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a part of the path is not a directory";
    case "EEXIST":
      return "the file already exists";
    default:
      return typeof message === "string" ? message : String(error);
  }
}
