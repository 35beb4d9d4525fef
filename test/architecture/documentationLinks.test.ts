import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { documentationFiles } from "../docs/codeBlocks.js";

const root = join(import.meta.dirname, "../..");
const files = [...documentationFiles(), "CONTRIBUTING.md"];

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const text = readFileSync(join(root, file), "utf8").replace(/```[\s\S]*?```/g, "");
  return new Set(
    [...text.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading = ""]) => anchorOf(heading)),
  );
}

describe("links between the README, CONTRIBUTING.md and docs/", () => {
  const links = files.flatMap((file) =>
    [...readFileSync(join(root, file), "utf8").matchAll(/\]\(([^)\s]+)\)/g)]
      .map(([, target = ""]) => ({ file, target }))
      .filter(({ target }) => !/^[a-z]+:/.test(target)),
  );

  it("are there to check", () => {
    expect(links.length).toBeGreaterThan(40);
  });

  it("point to files and headings that exist", () => {
    const broken = links.filter(({ file, target }) => {
      const [path = "", anchor] = target.split("#");
      const linked = path === "" ? file : normalize(join(dirname(file), path));
      if (!existsSync(join(root, linked))) return true;
      return anchor !== undefined && linked.endsWith(".md") && !anchorsOf(linked).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
