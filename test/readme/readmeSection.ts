import { readFileSync } from "node:fs";
import { join } from "node:path";

const readme = readFileSync(join(import.meta.dirname, "../../README.md"), "utf8");

/**
 * The code blocks of one language in the README section that starts with `heading`, in order.
 *
 * @example
 * ```ts
 * const [source] = codeBlocks("## Quick start", "ts");
 * ```
 */
export function codeBlocks(heading: string, language: "ts" | "sh"): string[] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`README.md has no section '${heading}'`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const blocks = [...section.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))];
  if (blocks.length === 0) throw new Error(`README section '${heading}' has no ${language} block`);
  return blocks.map((block) => block[1] ?? "");
}
