/**
 * What the provider-rule tests share: a strict stand-in server per test (closed after it), cores
 * pointed at it, an endpoint, and a brief's provider request.
 */
import { afterEach } from 'vitest';
import { createCore, type Core } from '../../src/main/core/core';
import type { LlmEndpoint } from '../../src/shared/settings';
import type { PersonaRequest } from '../../src/main/providers/types';
import type { SchedulerOptions } from '../../src/main/scheduler/scheduler';
import { tempDir } from '../helpers';
import { personaRequestFor } from './llm-answers';
import { ProviderServer, type ProviderServerOptions } from './provider-server';

const servers: ProviderServer[] = [];
const cores: Core[] = [];

afterEach(async () => {
  for (const core of cores.splice(0)) core.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

export async function serve(options: ProviderServerOptions = {}): Promise<ProviderServer> {
  const server = await ProviderServer.start(options);
  servers.push(server);
  return server;
}

/** A core with fast timeouts and retries, its data in a fresh folder. */
export function coreWith(scheduler: Omit<SchedulerOptions, 'resources'> = {}, env: NodeJS.ProcessEnv = {}): Core {
  const core = createCore({ dataDir: tempDir(), resources: null, env, scheduler: { retry: { initialDelayMs: 5, maxDelayMs: 20 }, timeouts: { initialPerUnitMs: { generate: 2_000, culture: 1_000, probe: 1_000 }, minMs: 50 }, ...scheduler } });
  cores.push(core);
  return core;
}

export const endpoint = (baseUrl: string, extra: Partial<LlmEndpoint> = {}): LlmEndpoint => ({ baseUrl, model: 'test-model', stream: false, temperature: 0.5, ...extra });

export const signal = () => new AbortController().signal;

export function requestFor(count: number, level: PersonaRequest['level'] = 'standard', seed = 5): Promise<PersonaRequest> {
  return personaRequestFor('Eco-friendly meal-kit delivery for busy parents in Lyon', level, count, seed);
}
