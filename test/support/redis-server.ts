/**
 * A real redis-server for tests: Debian's /usr/bin/redis-server on a free loopback port with its
 * own temp folder, no persistence, stopped (and its folder removed) by stop(). Nothing is mocked:
 * tests kill, pause (SIGSTOP) and restart it to see how the team cache behaves. startSentinel() and
 * startCluster() start the other two topologies the team cache supports from the same servers (a
 * primary, a replica and a sentinel; three cluster nodes joined by `redis-cli --cluster create`).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REDIS_SERVER = process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server';
/** redis-cli, for `--cluster create` and for looking at a topology as its operator would: beside redis-server unless REDIS_CLI says. */
export const REDIS_CLI = process.env['REDIS_CLI'] ?? path.join(path.dirname(REDIS_SERVER), 'redis-cli');

export interface RedisOptions {
  /** requirepass for the default user. */
  password?: string;
  /** An extra ACL user with full rights (and the default user turned off when no password is set for it). */
  aclUser?: { username: string; password: string }; // no spaces in either
}

export interface RunningRedis {
  /** redis://[user:pass@]127.0.0.1:<port> with the credentials asked for. */
  url: string;
  port: number;
  dir: string;
  pid: number;
  /** Ends the server and removes its folder; safe to call twice. */
  stop(): Promise<void>;
  /** Sends a signal; for SIGKILL/SIGTERM waits until the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGSTOP: the port stays open but nothing answers (a hung Redis). */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** Starts the server again on the same port and folder (after kill or to bounce it). */
  restart(): Promise<void>;
}

/** A port the kernel says is free right now (a tiny race remains; start() retries). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True once something on the port answers an inline PING (PONG, or NOAUTH when a password is set). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString('utf8'))));
  });
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

function serverArgs(port: number, dir: string, options: RedisOptions): string[] {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', path.join(dir, 'redis.log')];
  if (options.password !== undefined) args.push('--requirepass', options.password);
  if (options.aclUser !== undefined) {
    // redis-server joins the words after --user itself (one quoted word would be read as the name).
    args.push('--user', options.aclUser.username, 'on', `>${options.aclUser.password}`, '~*', '&*', '+@all');
    if (options.password === undefined) args.push('--user', 'default', 'off');
  }
  return args;
}

async function launch(port: number, dir: string, args: readonly string[]): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
  let failed: Error | undefined;
  child.once('error', (error) => (failed = error));
  // Polling PING, not a sleep: ready as soon as it answers, an error when it exits first.
  for (let attempt = 0; attempt < 200; attempt++) {
    if (failed !== undefined) throw new Error(`Could not start ${REDIS_SERVER}: ${failed.message}. Install Debian's redis-server package.`);
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} on port ${port}; see ${path.join(dir, 'redis.log')}.`);
    if (await answersPing(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer PING on port ${port} within 5 s; see ${path.join(dir, 'redis.log')}.`);
}

export async function startRedis(options: RedisOptions = {}): Promise<RunningRedis> {
  return startProcess(options, (port, dir) => serverArgs(port, dir, options));
}

/** Starts one redis-server (or sentinel) with the arguments `argsFor` gives for its port and folder; retries on a taken port. */
async function startProcess(options: RedisOptions, argsFor: (port: number, dir: string) => string[] | Promise<string[]>): Promise<RunningRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-redis-'));
  let port = 0;
  let child: ChildProcess | undefined;
  for (let attempt = 0; child === undefined; attempt++) {
    port = await freePort();
    try {
      child = await launch(port, dir, await argsFor(port, dir));
    } catch (error) {
      if (attempt >= 2) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  let current: ChildProcess = child;
  let stopped = false;
  const credentials =
    options.aclUser !== undefined
      ? `${encodeURIComponent(options.aclUser.username)}:${encodeURIComponent(options.aclUser.password)}@`
      : options.password !== undefined
        ? `:${encodeURIComponent(options.password)}@`
        : '';
  const running: RunningRedis = {
    url: `redis://${credentials}127.0.0.1:${port}`,
    port,
    dir,
    pid: current.pid ?? -1,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (signal === 'SIGKILL' || signal === 'SIGTERM') {
        current.kill('SIGCONT'); // a paused server cannot act on SIGTERM
        current.kill(signal);
        await exited(current);
      } else current.kill(signal);
    },
    pause: () => void current.kill('SIGSTOP'),
    resume: () => void current.kill('SIGCONT'),
    async restart() {
      await running.kill('SIGKILL');
      current = await launch(port, dir, await argsFor(port, dir));
      running.pid = current.pid ?? -1;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await running.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return running;
}

/** What `redis-cli -h 127.0.0.1 -p <port> <args…>` prints (its raw output, one reply line per line); rejects when it fails. */
export function redisCli(port: number, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(REDIS_CLI, ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`redis-cli -p ${port} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

/** Polls `check` every 50 ms until it is true, for at most `ms`; an error naming `what` otherwise. */
async function waitFor(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`gave up after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `field:value` from INFO-style text (INFO, CLUSTER INFO). */
const infoField = (text: string, field: string): string | undefined => new RegExp(`^${field}:(\\S*)`, 'm').exec(text)?.[1];

export interface RunningSentinel {
  /** redis://127.0.0.1:<sentinel port>: the address the team cache is given in mode 'sentinel'. */
  url: string;
  /** The name the sentinel monitors the primary under ('mymaster'). */
  name: string;
  primary: RunningRedis;
  replica: RunningRedis;
  sentinel: RunningRedis;
  /** The port the sentinel names as the primary now (SENTINEL get-master-addr-by-name). */
  primaryPort(): Promise<number>;
  /** Waits until the sentinel names `port` as the primary and that server says it is one (role:master). */
  waitForPrimary(port: number, ms?: number): Promise<void>;
  /** Ends all three and removes their folders; safe to call twice. */
  stop(): Promise<void>;
}

export interface SentinelOptions {
  /** Sentinel's down-after-milliseconds: how long the primary may be silent before it is down; default 500. */
  downAfterMs?: number;
  /** Sentinel's failover-timeout; default 2000. */
  failoverTimeoutMs?: number;
}

/**
 * A Sentinel setup on loopback: one primary, one replica (`--replicaof`) in sync with it, and one sentinel
 * (`redis-server <conf> --sentinel`, quorum 1) that knows both. Each on a free port with its own folder.
 * Killing the primary (`primary.kill()`) makes the sentinel promote the replica within about
 * downAfterMs + a second or two.
 */
export async function startSentinel(options: SentinelOptions = {}): Promise<RunningSentinel> {
  const name = 'mymaster';
  const started: RunningRedis[] = [];
  const stopAll = async () => {
    for (const server of started.splice(0).reverse()) await server.stop();
  };
  try {
    // No 5 s wait (diskless sync's default delay) before the replica gets its first copy.
    const primary = await startProcess({}, (port, dir) => [...serverArgs(port, dir, {}), '--repl-diskless-sync-delay', '0']);
    started.push(primary);
    const replica = await startProcess({}, (port, dir) => [...serverArgs(port, dir, {}), '--replicaof', '127.0.0.1', String(primary.port)]);
    started.push(replica);
    await waitFor(`the replica on ${replica.port} to sync with the primary`, async () => infoField(await redisCli(replica.port, 'INFO', 'replication'), 'master_link_status') === 'up');
    const sentinel = await startProcess({}, (port, dir) => {
      // Sentinel rewrites its config file (what it learns, its id): written once, kept across restarts.
      const conf = path.join(dir, 'sentinel.conf');
      if (!fs.existsSync(conf)) {
        const lines = [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${dir}`,
          `logfile ${path.join(dir, 'redis.log')}`,
          'daemonize no',
          `sentinel monitor ${name} 127.0.0.1 ${primary.port} 1`,
          `sentinel down-after-milliseconds ${name} ${options.downAfterMs ?? 500}`,
          `sentinel failover-timeout ${name} ${options.failoverTimeoutMs ?? 2000}`,
          `sentinel parallel-syncs ${name} 1`,
        ];
        fs.writeFileSync(conf, `${lines.join('\n')}\n`);
      }
      return [conf, '--sentinel'];
    });
    started.push(sentinel);
    // Failover needs the sentinel to know the replica (it learns it from the primary's INFO) and to have heard from it.
    await waitFor(`the sentinel to see the replica on ${replica.port}`, async () => {
      const replicas = await redisCli(sentinel.port, 'SENTINEL', 'REPLICAS', name);
      return replicas.includes(String(replica.port)) && /master-link-status\nok/.test(replicas);
    });
    const primaryPort = async () => Number((await redisCli(sentinel.port, 'SENTINEL', 'get-master-addr-by-name', name)).trim().split('\n')[1]);
    let stopped = false;
    return {
      url: `redis://127.0.0.1:${sentinel.port}`,
      name,
      primary,
      replica,
      sentinel,
      primaryPort,
      async waitForPrimary(port: number, ms = 15_000) {
        await waitFor(`the sentinel to name ${port} the primary`, async () => (await primaryPort()) === port && infoField(await redisCli(port, 'INFO', 'replication'), 'role') === 'master', ms);
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

export interface RunningCluster {
  /** redis://127.0.0.1:<first node's port>: the address the team cache is given in mode 'cluster' (it discovers the rest). */
  url: string;
  nodes: RunningRedis[];
  /** Which node holds a key (CLUSTER KEYSLOT, then the node serving that slot). */
  nodeOf(key: string): Promise<RunningRedis>;
  /** Waits until every node says cluster_state:ok (after start, or after nodes were killed and restarted). */
  waitUntilOk(ms?: number): Promise<void>;
  /** Keys each node holds (DBSIZE), in `nodes` order. */
  sizes(): Promise<number[]>;
  /** Ends every node and removes their folders; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A Redis Cluster on loopback: `size` primaries (default 3, no replicas), each `--cluster-enabled yes`
 * with its nodes.conf in its own folder and its bus on a second free port (`--cluster-port`, so no
 * port + 10000 is needed), joined by `redis-cli --cluster create`; ready once every node says cluster_state:ok.
 */
export async function startCluster(size = 3): Promise<RunningCluster> {
  const nodes: RunningRedis[] = [];
  const stopAll = async () => {
    for (const node of nodes.splice(0).reverse()) await node.stop();
  };
  try {
    for (let i = 0; i < size; i++) {
      let bus = 0;
      let busFor = 0;
      nodes.push(
        await startProcess({}, async (port, dir) => {
          // The bus port is chosen once per port: a restarted node keeps the one its nodes.conf records.
          if (busFor !== port) [bus, busFor] = [await freePort(), port];
          return [...serverArgs(port, dir, {}), '--cluster-enabled', 'yes', '--cluster-config-file', path.join(dir, 'nodes.conf'), '--cluster-port', String(bus), '--cluster-node-timeout', '2000'];
        }),
      );
    }
    await redisCli(nodes[0]!.port, '--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`), '--cluster-replicas', '0', '--cluster-yes');
    const all = [...nodes];
    const waitUntilOk = async (ms = 10_000) => {
      for (const node of all) await waitFor(`cluster_state:ok on ${node.port}`, async () => infoField(await redisCli(node.port, 'CLUSTER', 'INFO'), 'cluster_state') === 'ok', ms);
    };
    await waitUntilOk();
    let stopped = false;
    return {
      url: `redis://127.0.0.1:${all[0]!.port}`,
      nodes: all,
      waitUntilOk,
      async nodeOf(key: string) {
        const slot = Number((await redisCli(all[0]!.port, 'CLUSTER', 'KEYSLOT', key)).trim());
        // CLUSTER NODES: one line per node, `<id> <ip:port@bus> <flags> <primary> <ping> <pong> <epoch> <link> <slots…>`.
        for (const line of (await redisCli(all[0]!.port, 'CLUSTER', 'NODES')).trim().split('\n')) {
          const [, address = '', , , , , , , ...ranges] = line.trim().split(' ');
          const port = Number(/:(\d+)@/.exec(address)?.[1]);
          const serves = ranges.some((range) => {
            const [from, to = from] = range.split('-').map(Number);
            return from !== undefined && to !== undefined && slot >= from && slot <= to;
          });
          if (serves) return all.find((node) => node.port === port)!;
        }
        throw new Error(`no node serves slot ${slot}`);
      },
      sizes: () => Promise.all(all.map(async (node) => Number((await redisCli(node.port, 'DBSIZE')).trim()))),
      async stop() {
        if (stopped) return;
        stopped = true;
        for (const node of [...all].reverse()) await node.stop();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
