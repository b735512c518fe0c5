/**
 * A real redis-server for tests: Debian's /usr/bin/redis-server on a free loopback port with its
 * own temp folder, no persistence, stopped (and its folder removed) by stop(). Nothing is mocked:
 * tests kill, pause (SIGSTOP) and restart it to see how the team cache behaves.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REDIS_SERVER = process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server';

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

async function launch(port: number, dir: string, options: RedisOptions): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, serverArgs(port, dir, options), { stdio: 'ignore' });
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persona-redis-'));
  let port = 0;
  let child: ChildProcess | undefined;
  for (let attempt = 0; child === undefined; attempt++) {
    port = await freePort();
    try {
      child = await launch(port, dir, options);
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
      current = await launch(port, dir, options);
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
