/**
 * The Redis client behind the team cache: node-redis 5 (the `redis` package), which reaches a
 * single server, Sentinel or Cluster from one package. Short connect and command timeouts and no
 * offline queue, so a down Redis fails a command at once instead of queueing it; reconnects with
 * backoff by itself. Values come back as Buffers (they are sealed bytes, not text).
 */
import { createClient, createCluster, createSentinel, RESP_TYPES } from 'redis';

export interface TeamConnection {
  /** redis:// or rediss:// (TLS); for sentinel, the sentinels' address; for cluster, one node's. */
  url: string;
  tls?: boolean;
  username?: string;
  password?: string;
  mode?: 'single' | 'sentinel' | 'cluster';
  /** Sentinel's name for the primary (mode 'sentinel'); default 'mymaster'. */
  sentinelName?: string;
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  /** Reconnect with backoff when the connection drops (default); off for a one-shot connection test. */
  reconnect?: boolean;
}

/** What the tier needs of a client, whatever the mode. */
export interface TeamClient {
  readonly isReady: boolean;
  get(key: string): Promise<Buffer | null>;
  set(key: string, value: Buffer, ttlMs: number): Promise<unknown>;
  /** Redis's version from INFO server, when it answers. */
  version(): Promise<string | null>;
  onError(listener: (error: Error) => void): void;
  connect(): Promise<unknown>;
  close(): Promise<void>;
}

/** Backoff between reconnects: 50 ms doubling to 2 s, forever (the breaker decides when to try). */
const reconnectStrategy = (retries: number): number => Math.min(50 * 2 ** Math.min(retries, 6), 2000);

function endpoint(connection: TeamConnection) {
  const url = new URL(connection.url);
  const tls = connection.tls === true || url.protocol === 'rediss:';
  const username = connection.username || decodeURIComponent(url.username) || undefined;
  const password = connection.password || decodeURIComponent(url.password) || undefined;
  const socket = { host: url.hostname, port: Number(url.port || 6379), connectTimeout: connection.connectTimeoutMs ?? 500, reconnectStrategy: connection.reconnect === false ? (false as const) : reconnectStrategy, ...(tls ? { tls: true as const } : {}) };
  return { socket, username, password };
}

export function teamClient(connection: TeamConnection): TeamClient {
  const { socket, username, password } = endpoint(connection);
  const credentials = { ...(username ? { username } : {}), ...(password ? { password } : {}) };
  const commandOptions = { timeout: connection.commandTimeoutMs ?? 1000 };
  const mapping = { [RESP_TYPES.BLOB_STRING]: Buffer };
  const mode = connection.mode ?? 'single';
  // One branch per mode; each ends in the same small surface.
  if (mode === 'cluster') {
    const cluster = createCluster({ rootNodes: [{ socket }], defaults: { ...credentials, socket, disableOfflineQueue: true } }).withTypeMapping(mapping);
    return wrap(cluster, () => cluster.isOpen, () => cluster.connect(), () => cluster.close());
  }
  if (mode === 'sentinel') {
    const sentinel = createSentinel({ name: connection.sentinelName ?? 'mymaster', sentinelRootNodes: [{ host: socket.host, port: socket.port }], nodeClientOptions: { ...credentials, socket, disableOfflineQueue: true, commandOptions } }).withTypeMapping(mapping);
    return wrap(sentinel, () => sentinel.isReady, () => sentinel.connect(), () => sentinel.close());
  }
  const client = createClient({ ...credentials, socket, disableOfflineQueue: true, commandOptions }).withTypeMapping(mapping);
  return wrap(client, () => client.isReady, () => client.connect(), () => client.close());
}

interface Commands {
  get(key: string): Promise<unknown>;
  set(key: string, value: Buffer, options: { expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  sendCommand?: unknown;
}

function wrap(commands: Commands, ready: () => boolean, connect: () => Promise<unknown>, close: () => Promise<unknown>): TeamClient {
  return {
    get isReady() {
      return ready();
    },
    // The command's own promise, not an async wrapper around it: one promise fewer on the L3 hit path.
    get: (key) => commands.get(key) as Promise<Buffer | null>,
    set: (key, value, ttlMs) => commands.set(key, value, { expiration: { type: 'PX', value: Math.max(1, Math.round(ttlMs)) } }),
    async version() {
      const info = (await (commands as unknown as { info(section: string): Promise<unknown> }).info('server')) as Buffer | string;
      return /redis_version:(\S+)/.exec(String(info))?.[1] ?? null;
    },
    onError: (listener) => void commands.on('error', listener),
    connect,
    close: async () => {
      await close().catch(() => undefined);
    },
  };
}
