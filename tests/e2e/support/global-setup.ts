import { revalidate } from "./database";

/**
 * The build may have rendered its pages from another database file: start every run from
 * pages rendered from the freshly seeded database.
 */
export default async function globalSetup(): Promise<void> {
  await revalidate();
}
