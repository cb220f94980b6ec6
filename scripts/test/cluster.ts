/**
 * Several app instances behind one nginx on loopback, as docs/deploy.md describes for a
 * newsroom that outgrows one process: used by the multi-instance browser test and by
 * `npm run bench` to compare one instance with two. Needs an existing build (`npm run build`)
 * and Debian's nginx.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createFirstAdminIfNone } from "@/lib/auth/first-admin.server";
import { migrateDatabase } from "@/lib/db/prisma-cli.server";
import { seedIfEmpty } from "@/lib/seed/seed.server";
import { parseEnv } from "@/lib/env.server";
import { nginxPath } from "./machine";

/** Each instance is started as a deployment starts it (docs/deploy.md): `npm start`'s program. */
// Never a build of its own: another server (the browser tests') may be serving the same one.
const START = ["--import", "tsx", path.resolve("scripts", "cli", "start.ts"), "--no-build"];
const NGINX = nginxPath();

export type ClusterOptions = {
  /** The balancer listens on this port, the instances on the ones after it. */
  port: number;
  instances: number;
  databaseUrl: string;
  /** Where nginx keeps its configuration, log and temporary files. */
  folder: string;
  revalidateToken: string;
  /** The key every instance seals second-factor secrets with: one key for all, as in a deployment. */
  secretsKey: string;
  admin?: { email: string; password: string };
  /** Settings of the deployment under test, such as REVIEW_BEFORE_PUBLISHING. */
  settings?: Record<string, string>;
};

export type Cluster = {
  balancerUrl: string;
  instanceUrls: string[];
  stop: () => Promise<void>;
};

export function nginxIsInstalled(): boolean {
  return existsSync(NGINX);
}

/** Round-robin over the instances, every request to the next one; no stickiness at all. */
function nginxConfiguration(folder: string, port: number, instancePorts: number[]): string {
  return `daemon off;
user root;
worker_processes 1;
pid ${folder}/nginx.pid;
error_log ${folder}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${folder}/body;
  proxy_temp_path ${folder}/proxy;
  fastcgi_temp_path ${folder}/fastcgi;
  uwsgi_temp_path ${folder}/uwsgi;
  scgi_temp_path ${folder}/scgi;
  upstream venetic { ${instancePorts.map((instance) => `server 127.0.0.1:${instance};`).join(" ")} keepalive 64; }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 5m;
    location / {
      proxy_pass http://venetic;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

async function waitUntilAnswering(url: string, process: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`${name} exited with code ${process.exitCode} before it answered.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${name} did not answer at ${url} within a minute.`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  if (!nginxIsInstalled()) throw new Error(`nginx is not installed at ${NGINX} (apt-get install nginx).`);
  const environment = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    REVALIDATE_TOKEN: options.revalidateToken,
    SECRETS_KEY: options.secretsKey,
    SITE_URL: `http://127.0.0.1:${options.port}`,
    ADMIN_EMAIL: options.admin?.email,
    ADMIN_PASSWORD: options.admin?.password,
    ...options.settings,
  };
  migrateDatabase(options.databaseUrl);
  await seedIfEmpty(options.databaseUrl);
  await createFirstAdminIfNone(parseEnv(environment));

  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopProcess));
  };
  try {
    const instancePorts = Array.from({ length: options.instances }, (_, index) => options.port + 1 + index);
    // Started together: an instance's start-up migration (nothing to apply) can time out on SQLite
    // against an instance already serving, so none is serving while the others start.
    const instances = instancePorts.map((port) => {
      const instance = spawn(process.execPath, START, {
        stdio: ["ignore", "ignore", "inherit"],
        // nginx is the one proxy in front, and it sets X-Forwarded-For to the client's address.
        env: { ...environment, PORT: String(port), HOSTNAME: "127.0.0.1", TRUSTED_PROXIES: "1" },
      });
      children.push(instance);
      return { port, instance };
    });
    await Promise.all(
      instances.map(({ port, instance }) =>
        waitUntilAnswering(`http://127.0.0.1:${port}/api/health`, instance, `The instance on port ${port}`),
      ),
    );

    rmSync(options.folder, { recursive: true, force: true });
    mkdirSync(options.folder, { recursive: true });
    const configuration = path.join(options.folder, "nginx.conf");
    writeFileSync(configuration, nginxConfiguration(options.folder, options.port, instancePorts));
    const check = spawnSync(NGINX, ["-t", "-q", "-p", options.folder, "-c", configuration], { encoding: "utf8" });
    if (check.status !== 0) throw new Error(`nginx refused its configuration:\n${check.stderr}`);
    const balancer = spawn(NGINX, ["-p", options.folder, "-c", configuration], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(balancer);
    await waitUntilAnswering(`http://127.0.0.1:${options.port}/api/health`, balancer, "nginx");

    return {
      balancerUrl: `http://127.0.0.1:${options.port}`,
      instanceUrls: instancePorts.map((port) => `http://127.0.0.1:${port}`),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
