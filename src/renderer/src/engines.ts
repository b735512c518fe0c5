/** The engines a generation can use, as the brief form and the Settings "Default engine" select name them. */
import { PROVIDER_IDS, type ProviderId } from '../../shared/vocabulary';

const ENGINE_LABELS: Record<ProviderId, string> = {
  offline: 'Built-in (offline)',
  ollama: 'Ollama',
  openai: 'OpenAI-compatible server',
  gemini: 'Gemini',
};

export const ENGINE_OPTIONS: ReadonlyArray<{ value: ProviderId; label: string }> = PROVIDER_IDS.map((value) => ({ value, label: ENGINE_LABELS[value] }));
