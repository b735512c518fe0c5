/**
 * Test provider servers in a process of their own for bench/team-balance.ts, so that their CPU
 * does not slow the client being measured: argv gives each server's latency in ms; it prints the
 * URLs as one JSON line and runs until its stdin closes.
 */
import { ProviderServer } from '../test/support/provider-server';

const servers = await Promise.all(process.argv.slice(2).map((ms) => ProviderServer.start({ capacity: 4, script: () => ({ latencyMs: Number(ms) }) })));
console.log(JSON.stringify(servers.map((s) => s.url)));
process.stdin.resume();
process.stdin.on('end', () => void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0)));
