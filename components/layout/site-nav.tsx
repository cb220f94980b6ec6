import Link from "next/link";

const SECTIONS = [
  { href: "/", label: "Overview" },
  { href: "/figures", label: "All figures" },
  { href: "/sources", label: "Sources" },
  { href: "/agencies", label: "Agencies" },
  { href: "/rulings", label: "Court rulings" },
  { href: "/conflicts", label: "Conflicting reports" },
  { href: "/corrections", label: "Corrections" },
] as const;

export function SiteNav() {
  return (
    <nav aria-label="Sections">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} className="no-underline hover:underline">
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
