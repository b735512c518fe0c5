/**
 * From the team cache settings to a TeamTier, and the settings screen's connection test. A tier
 * needs both a URL and a team key: without the key nothing could be sealed, so nothing is shared.
 */
import type { TeamCacheSettings } from '../../shared/settings';
import type { TeamCacheTestResult } from '../../shared/ipc/channels-team';
import { teamClient, type TeamConnection } from './team-client';
import { TeamTier, type TeamTierOptions } from './team-tier';

function teamConnectionOf(settings: Pick<TeamCacheSettings, 'url' | 'tls' | 'mode' | 'username' | 'password' | 'sentinelName'>): TeamConnection {
  return {
    url: settings.url,
    tls: settings.tls,
    mode: settings.mode,
    ...(settings.username ? { username: settings.username } : {}),
    ...(settings.password ? { password: settings.password } : {}),
    ...(settings.sentinelName ? { sentinelName: settings.sentinelName } : {}),
  };
}

/** The tier the settings ask for, or undefined when the team cache is off (no URL or no team key). */
export function teamTierFor(settings: TeamCacheSettings, extra: Omit<TeamTierOptions, 'connection' | 'teamKey'> = {}): TeamTier | undefined {
  if (!settings.url || !settings.teamKey) return undefined;
  return new TeamTier({ ...extra, connection: teamConnectionOf(settings), teamKey: settings.teamKey });
}

/** Whether the settings' team cache (or an unsaved URL) answers: PING and INFO, within `timeoutMs`. */
export async function testTeamCache(settings: TeamCacheSettings, url: string | undefined, timeoutMs = 3000): Promise<TeamCacheTestResult> {
  const target = url?.trim() || settings.url;
  if (!target) return { reachable: false, message: 'No team cache is set: enter a redis:// or rediss:// URL first.', latencyMs: null, version: null };
  const client = teamClient({ ...teamConnectionOf({ ...settings, url: target }), connectTimeoutMs: timeoutMs, commandTimeoutMs: timeoutMs, reconnect: false });
  let lastError: Error | undefined;
  client.onError((error) => (lastError = error));
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)));
    await Promise.race([client.connect(), deadline]);
    const version = await Promise.race([client.version(), deadline]);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const keyNote = settings.teamKey ? '' : ' Set a team key to share entries: without one nothing is sent.';
    return { reachable: true, message: `Redis ${version ?? ''} answered in ${latencyMs} ms.${keyNote}`.replace('  ', ' '), latencyMs, version };
  } catch (error) {
    const why = (lastError ?? (error as Error)).message;
    return { reachable: false, message: `The team cache at ${safeUrl(target)} did not answer (${why}); check the address, TLS, user and password, and that Redis is running.`, latencyMs: null, version: null };
  } finally {
    clearTimeout(timer);
    await client.close();
  }
}

/** The URL without its credentials, for messages. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'the given address';
  }
}
