/**
 * An engine's model servers from its settings: its baseUrl first (weight 1, so settings saved
 * before servers existed route exactly as before: to that one address), then its extra servers.
 */
import type { LlmEndpoint } from '../../shared/settings';
import type { EndpointTarget } from './endpoint-router';

export function endpointTargets(endpoint: Pick<LlmEndpoint, 'baseUrl' | 'servers'>): EndpointTarget[] {
  return [{ baseUrl: endpoint.baseUrl, weight: 1 }, ...(endpoint.servers ?? [])];
}
