import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { E2E_DATABASE_FILE } from "./server";

// Every browser run starts from a freshly seeded database, then goes the way `npm start` goes.
for (const suffix of ["", "-wal", "-shm"]) rmSync(E2E_DATABASE_FILE + suffix, { force: true });

const server = spawn("npx", ["tsx", "scripts/cli/start.ts"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 1));
