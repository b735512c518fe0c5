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
  /**
   * Keys matching `pattern`, counted with SCAN … MATCH pattern COUNT 1000 one call at a time (on every primary of a
   * Cluster); null once `maxScans` calls have not finished the walk (too many keys to count cheaply). Rejects when a
   * SCAN fails. SCAN may return a key twice while the keyspace is resized: the count is an estimate, not an exact one.
   */
  countKeys(pattern: string, maxScans: number): Promise<number | null>;
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
    // Ready once the slots are known: isOpen is true from the moment connect() starts, and a GET sent before
    // discovery ends fails (no node for its slot yet), which counted as Redis failing and opened the breaker.
    let discovered = false;
    const connecting = retrying(connection, () => cluster.connect().then((connected) => ((discovered = true), connected)), async () => undefined);
    // SCAN walks one node's keys: each primary is counted in turn.
    const primaries = async () => Promise.all(cluster.masters.map((master) => cluster.nodeClient(master) as Promise<unknown> as Promise<Scanner>));
    return wrap(cluster, () => discovered && cluster.isOpen, connecting.connect, () => (connecting.stop(), cluster.close()), primaries);
  }
  if (mode === 'sentinel') {
    // The sentinels get the data nodes' connect timeout and TLS (without, node-redis dials them with its defaults: 5 s
    // and plain TCP, even for a rediss:// address), not their credentials (a sentinel without a password refuses AUTH).
    const sentinelSocket = { connectTimeout: socket.connectTimeout, ...(socket.tls ? { tls: true as const } : {}) };
    const sentinel = createSentinel({
      name: connection.sentinelName ?? 'mymaster',
      sentinelRootNodes: [{ host: socket.host, port: socket.port }],
      nodeClientOptions: { ...credentials, socket, disableOfflineQueue: true, commandOptions },
      sentinelClientOptions: { socket: sentinelSocket },
    }).withTypeMapping(mapping);
    // A failed connect() leaves it open but not ready, and connect() refuses to run twice: destroy() resets it for the next try.
    const connecting = retrying(connection, () => sentinel.connect(), () => sentinel.destroy());
    return wrap(sentinel, () => sentinel.isReady, connecting.connect, () => (connecting.stop(), sentinel.close()), async () => [sentinel as unknown as Scanner]);
  }
  const client = createClient({ ...credentials, socket, disableOfflineQueue: true, commandOptions }).withTypeMapping(mapping);
  return wrap(client, () => client.isReady, () => client.connect(), () => client.close(), async () => [client as unknown as Scanner]);
}

/**
 * Keeps trying a Sentinel's or a Cluster's first connection, with the same backoff as a single server's reconnects, until
 * it connects or the client is closed: their connect() gives up (a Cluster at once when no node answers, Sentinel after
 * 16 tries a second apart) and never tries again, so a team cache that was down when the app started stayed off until
 * a restart, where a single server's client connects once the server is up. `reset` readies a failed client for the next try.
 */
function retrying(connection: TeamConnection, connect: () => Promise<unknown>, reset: () => Promise<unknown>) {
  let stopped = false;
  let wake: (() => void) | undefined;
  return {
    async connect(): Promise<unknown> {
      for (let retries = 0; ; retries++) {
        try {
          return await connect();
        } catch (error) {
          if (connection.reconnect === false || stopped) throw error;
        }
        await reset().catch(() => undefined);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, reconnectStrategy(retries));
          wake = () => (clearTimeout(timer), resolve());
        });
        if (stopped) throw new Error('closed before it connected');
      }
    },
    stop() {
      stopped = true;
      wake?.();
    },
  };
}

interface Commands {
  get(key: string): Promise<unknown>;
  set(key: string, value: Buffer, options: { expiration: { type: 'PX'; value: number } }): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  sendCommand?: unknown;
}

/** What SCAN needs of a node (a single server's client, Sentinel's primary, a Cluster node's client). */
interface Scanner {
  scan(cursor: string, options: { MATCH: string; COUNT: number }): Promise<{ cursor: unknown; keys: unknown[] }>;
}

const SCAN_COUNT = 1000;

/** One node's matching keys, one SCAN at a time; null past `maxScans` calls. The cursor comes back as a Buffer (the mapping). */
async function countOn(node: Scanner, pattern: string, maxScans: number): Promise<number | null> {
  let cursor = '0';
  let keys = 0;
  for (let scans = 0; scans < maxScans; scans++) {
    const reply = await node.scan(cursor, { MATCH: pattern, COUNT: SCAN_COUNT });
    keys += reply.keys.length;
    cursor = String(reply.cursor);
    if (cursor === '0') return keys;
  }
  return null;
}

function wrap(commands: Commands, ready: () => boolean, connect: () => Promise<unknown>, close: () => Promise<unknown>, nodes: () => Promise<Scanner[]>): TeamClient {
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
    async countKeys(pattern, maxScans) {
      let total = 0;
      for (const node of await nodes()) {
        const keys = await countOn(node, pattern, maxScans);
        if (keys === null) return null;
        total += keys;
      }
      return total;
    },
    onError: (listener) => void commands.on('error', listener),
    connect,
    close: async () => {
      await close().catch(() => undefined);
    },
  };
}
