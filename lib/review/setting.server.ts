import { env } from "@/lib/env.server";

/** Whether this deployment holds every editor's change for a second editor's approval (decision 0022). */
export function reviewBeforePublishing(): boolean {
  return env().REVIEW_BEFORE_PUBLISHING;
}
