import { test } from "uvu";
import * as assert from "uvu/assert";
import { EditorialeError } from "../../src/core/errors.ts";
import { searchJobs } from "../../src/core/search-jobs.ts";

test("unset: one Pagefind process per core, at most two", () => {
  assert.is(searchJobs(undefined, 1), 1);
  assert.is(searchJobs(undefined, 2), 2);
  assert.is(searchJobs(undefined, 8), 2);
  assert.is(searchJobs("", 4), 2);
  assert.is(searchJobs(undefined, 0), 1, "a machine that reports no core still gets one process");
});

test("EDITORIALE_SEARCH_JOBS chooses, from 1 to 16, whatever the cores", () => {
  assert.is(searchJobs("1", 2), 1);
  assert.is(searchJobs(" 3 ", 1), 3);
  assert.is(searchJobs("16", 2), 16);
});

test("any other value is a one-line error naming the variable and the fix", () => {
  for (const bad of ["0", "17", "2.5", "due", "-1"]) {
    try {
      searchJobs(bad, 2);
      assert.unreachable(bad);
    } catch (error) {
      assert.instance(error, EditorialeError);
      const problems = (error as EditorialeError).problems;
      assert.is(problems.length, 1);
      assert.is(problems[0]?.code, "OPTION_INVALID");
      assert.is(
        (error as Error).message.split("\n")[1],
        `  environment → EDITORIALE_SEARCH_JOBS: must be a whole number from 1 to 16 (Pagefind processes at once), not "${bad}". Fix: set EDITORIALE_SEARCH_JOBS=1 for one bundle at a time, 2 for two at once, or unset it for one per core (at most 2)`,
      );
    }
  }
});

test.run();
