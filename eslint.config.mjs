import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier";
import serverModules from "./scripts/lint/server-modules.mjs";

const config = [
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "tests/.tmp/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  // Layout is Prettier's job (docs/decisions/0013); lint keeps to what code means.
  prettier,
  {
    plugins: { venetic: serverModules },
    rules: {
      "no-console": ["error", { allow: ["warn", "error"] }],
      "venetic/server-modules": "error",
    },
  },
  {
    // lib/ is the domain, below the components that show it: when it needs something drawn, it
    // declares the interface (as lib/render/renderer.server.ts declares ChartRenderer) and components/
    // implements it. No import may run the other way.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/components", "@/components/**", "**/components", "**/components/**"],
              message: "lib/ must not import components/: declare what lib/ needs as a type in lib/ instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line programs talk to their operator on the console.
    files: ["scripts/**", "prisma/seed.ts"],
    rules: { "no-console": "off" },
  },
];

export default config;
