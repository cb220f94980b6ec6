import { env } from "@/lib/env.server";

/** Whether this deployment holds every editor's change for a second editor's approval (decision 0023). */
export function reviewBeforePublishing(): boolean {
  return env().REVIEW_BEFORE_PUBLISHING;
}
