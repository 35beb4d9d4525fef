import { err, errAsync, ok, okAsync } from "neverthrow";
import { describe, expect, it } from "vitest";
import { kmsError } from "../../src/domain/kmsError.js";
import { thenResult } from "../../src/service/thenResult.js";

describe("thenResult", () => {
  it("runs the step on the value of a success and answers what the step answers", async () => {
    expect((await thenResult(okAsync(2), (n) => ok(n * 21)))._unsafeUnwrap()).toBe(42);
    const refused = await thenResult(okAsync(2), () => err(kmsError("DisabledException", "no")));
    expect(refused._unsafeUnwrapErr().name).toBe("DisabledException");
  });

  it("passes a failure through without running the step", async () => {
    let ran = false;
    const failed = await thenResult(errAsync(kmsError("NotFoundException", "gone")), () => {
      ran = true;
      return ok(1);
    });
    expect(failed._unsafeUnwrapErr().name).toBe("NotFoundException");
    expect(ran).toBe(false);
  });
});
