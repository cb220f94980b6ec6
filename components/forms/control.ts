/**
 * The look of every text box and list in the site's forms, public and admin: a border dark enough
 * to find the box (3:1 against the page), and the conflict colour when its value is refused.
 * Where it sits and how wide it is belongs to each form.
 */
export const CONTROL_CLASS =
  "rounded border border-black/50 bg-paper-raised px-2 py-1.5 text-ink aria-[invalid=true]:border-conflict dark:border-white/50 dark:bg-paper-dark-raised dark:text-ink-inverse";
