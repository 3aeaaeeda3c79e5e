import { execFile, execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/**
 * A throwaway PostgreSQL server for the store tests and the workers bench: Debian's server binaries, a temp directory, trust
 * auth on 127.0.0.1 only, a free port. Missing binaries fail the test (never a silent skip), because the
 * PostgreSQL backend would otherwise go untested.
 */

export const MISSING_BINARIES = "PostgreSQL server binaries not found: run `bash scripts/setup.sh` (installs Debian's postgresql)";

const run = promisify(execFile);

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** The same server, another database. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export function findPostgresBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
  } catch {
    // No pg_config (or only the client's): look where Debian puts each major version.
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, "bin")));
  }
  const found = candidates.find((dir) => ["initdb", "pg_ctl", "postgres"].every((bin) => existsSync(join(dir, bin))));
  if (!found) throw new Error(MISSING_BINARIES);
  return found;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findPostgresBinDir();
  const root = await mkdtemp(join(tmpdir(), "triangulate-pg-"));
  const data = join(root, "data");
  const log = join(root, "server.log");
  // PostgreSQL refuses to run as root: then run its tools as the `postgres` user, in a directory it owns.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await run("chown", ["postgres", root]);
  const pg = (tool: string, args: string[]) => {
    const command = [join(bin, tool), ...args];
    if (!asRoot) return run(command[0]!, command.slice(1));
    if (existsSync("/usr/sbin/runuser") || existsSync("/sbin/runuser")) return run("runuser", ["-u", "postgres", "--", ...command]);
    return run("su", ["postgres", "-s", "/bin/sh", "-c", command.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ")]);
  };

  try {
    await pg("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    await writeFile(join(data, "pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await pg("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"]);
    const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
      url: urlFor("postgres"),
      urlFor,
      async stop() {
        await pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const serverLog = await readFile(log, "utf8").catch(() => "");
    await pg("pg_ctl", ["-D", data, "-m", "immediate", "stop"]).catch(() => {});
    await rm(root, { recursive: true, force: true });
    const e = error as Error & { stderr?: string };
    throw new Error(`could not start a test PostgreSQL server from ${bin}: ${e.message}\n${e.stderr ?? ""}\n${serverLog.slice(-2000)}`, { cause: error });
  }
}

/** A port the OS says is free now. Another process could take it before the server binds; then start fails loudly. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
