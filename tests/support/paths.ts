import path from "node:path";

/** Scratch space for test databases; git-ignored and wiped by `npm test`. */
export const TEST_TMP = path.resolve("tests", ".tmp");
export const TEMPLATE_DATABASE = path.join(TEST_TMP, "template.db");
