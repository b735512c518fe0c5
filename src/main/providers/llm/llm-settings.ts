/** What each LLM provider needs from settings: where it is, which model, a key for cloud ones. */
import type { TemperatureMode } from '../../../shared/settings';

export interface LlmEndpoint {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Stream the answer (progress as it is written); off, one request and one answer. */
  stream: boolean;
  temperature: number;
  /**
   * 'model_default' sends no temperature, so the model uses its own; 'set' (the default) sends
   * `temperature`, except to models that accept no other value than their default.
   */
  temperatureMode?: TemperatureMode;
}

export interface ProbeResult {
  reachable: boolean;
  models: string[];
  /** What was found or what is wrong, in a sentence for the settings screen. */
  message: string;
}
