import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

/** A fenced code block of the documentation, and the section it is in. */
export interface CodeBlock {
  /** The Markdown file, relative to the repository: `README.md`, `docs/storage.md`. */
  readonly file: string;
  /** The heading line of the section the block is in, `## Quick start`. */
  readonly heading: string;
  readonly language: string;
  readonly code: string;
}

/** The languages of the blocks that are code to run; others (mermaid, plain) are pictures. */
export const runnableLanguages: readonly string[] = ["ts", "sh"];

/** The README and every Markdown file under docs/ (the generated API reference aside). */
export function documentationFiles(): string[] {
  const docs = readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".md") && !name.startsWith("api/"))
    .map((name) => `docs/${name}`);
  return ["README.md", ...docs.sort()];
}

/** Every fenced block of `file`, with the heading it is under. */
export function blocksOf(file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let heading = "";
  let open: { language: string; lines: string[] } | undefined;
  for (const line of readFileSync(join(root, file), "utf8").split("\n")) {
    const fence = /^\s*```(\S*)\s*$/.exec(line);
    if (open !== undefined) {
      if (fence !== null && fence[1] === "") {
        blocks.push({ file, heading, language: open.language, code: open.lines.join("\n") });
        open = undefined;
      } else open.lines.push(line.replace(/^ {2}/, ""));
    } else if (fence !== null) open = { language: fence[1] ?? "", lines: [] };
    else if (/^#{1,6} /.test(line)) heading = line;
  }
  return blocks;
}

/**
 * The code blocks of one language in the section of `file` that starts with `heading`, in order.
 *
 * @example
 * ```ts
 * const [source] = codeBlocks("README.md", "## Quick start", "ts");
 * ```
 */
export function codeBlocks(file: string, heading: string, language: "ts" | "sh"): string[] {
  const blocks = blocksOf(file).filter((block) => block.heading === heading);
  if (blocks.length === 0) throw new Error(`${file} has no code in a section '${heading}'`);
  const code = blocks.filter((block) => block.language === language).map((block) => block.code);
  if (code.length === 0) throw new Error(`${file} section '${heading}' has no ${language} block`);
  return code;
}
