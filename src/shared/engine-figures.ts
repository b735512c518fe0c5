/** What an engine profile measures and what each figure is called, zod-free so the renderer reads it too. */
export const ENGINE_FIGURES = ['latency_p50_ms', 'latency_p95_ms', 'first_token_ms', 'validation_success', 'repair_rate', 'fill_rate', 'fallback_rate', 'timeout_rate', 'error_rate'] as const;
export type EngineFigureId = (typeof ENGINE_FIGURES)[number];

export const ENGINE_FIGURE_LABELS: Record<EngineFigureId, string> = {
  latency_p50_ms: 'Latency p50',
  latency_p95_ms: 'Latency p95',
  first_token_ms: 'Time to first token',
  validation_success: 'Validation success',
  repair_rate: 'Repair rate',
  fill_rate: 'Fill rate',
  fallback_rate: 'Fallback rate',
  timeout_rate: 'Timeout rate',
  error_rate: 'Error rate',
};
