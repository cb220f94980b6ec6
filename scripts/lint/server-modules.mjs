import { builtinModules } from "node:module";
import path from "node:path";

/**
 * One mark for code that must never reach a browser: its file name ends in `.server.ts` (or
 * `.server.tsx`). Two rules keep the mark true (docs/decisions/0014):
 * - a module in lib/ or components/ that uses server-only code (Node's built-in modules, the
 *   database, request headers, native packages, or another `.server` module) is itself named
 *   `.server`, so the mark spreads to everything that reaches such code;
 * - a client module ("use client") imports no `.server` module and no server-only code.
 * Server actions ("use server" modules) are the one door from the browser to the server: Next
 * sends the browser a reference, never their code, so they keep plain names.
 * Type-only imports carry no code and are not counted.
 */

const NODE_BUILT_INS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Packages that only run on the server: native code, the database, the request. */
const SERVER_PACKAGES = [
  "better-sqlite3",
  "pg",
  "@prisma/client",
  "@prisma/adapter-better-sqlite3",
  "@prisma/adapter-pg",
  "@node-rs/argon2",
  "@resvg/resvg-js",
  "esbuild",
  "next/headers",
  "next/cache",
  "server-only",
];

function serverReason(source) {
  if (NODE_BUILT_INS.has(source)) return `Node's ${source.replace(/^node:/, "")} module`;
  if (SERVER_PACKAGES.some((name) => source === name || source.startsWith(`${name}/`))) return source;
  if (source.startsWith("@/lib/generated/")) return "the generated database client";
  if (/\.server(\.tsx?)?$/.test(source)) return source;
  return null;
}

function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  return (
    node.type === "ImportDeclaration" &&
    node.specifiers.length > 0 &&
    node.specifiers.every((specifier) => specifier.importKind === "type")
  );
}

function directives(program) {
  return program.body
    .filter((statement) => statement.type === "ExpressionStatement" && typeof statement.directive === "string")
    .map((statement) => statement.directive);
}

const serverModules = {
  meta: {
    type: "problem",
    docs: { description: "Server-only code lives in `.server` modules, and client modules do not import them." },
    schema: [],
  },
  create(context) {
    const file = path.relative(context.cwd, context.filename).split(path.sep).join("/");
    const isServerModule = /\.server\.tsx?$/.test(file);
    const inDomainOrComponents = /^(lib|components)\//.test(file) && !/\.test\.tsx?$/.test(file);
    let client = false;
    let action = false;

    function check(node, source) {
      if (typeof source !== "string" || isTypeOnly(node)) return;
      const reason = serverReason(source);
      if (!reason) return;
      if (client) {
        context.report({
          node,
          message: `A client module cannot import server-only code (${reason}): pass what it needs as props, or call a server action.`,
        });
      } else if (inDomainOrComponents && !isServerModule && !action) {
        context.report({
          node,
          message: `This module uses server-only code (${reason}): name it *.server.ts so that no browser bundle can import it.`,
        });
      }
    }

    return {
      Program(program) {
        const found = directives(program);
        client = found.includes("use client");
        action = found.includes("use server");
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

const plugin = { rules: { "server-modules": serverModules } };

export default plugin;
