/**
 * A number setting as the form shows and checks it: its range from the settings' one table of
 * ranges (src/shared/settings-ranges.ts) converted to screen units, so no range is written twice.
 */
import { SETTINGS_RANGES, type NumberRange } from '../../../shared/settings-ranges';
import { serverPathParts, type FieldPath } from './setting-paths';

/** A number as the inputs show it: no float noise (0.95 × 100 is 95, not 95.00000000000001). */
export function show(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** Settings shown in other units than they are kept in: screen value = setting × factor. */
const SCREEN_UNITS: Partial<Record<FieldPath, { factor: number; unit: string }>> = {
  'monitor.p95Ms': { factor: 1 / 1000, unit: 's' },
  'monitor.cacheHitRate': { factor: 100, unit: '%' },
  'monitor.validationSuccess': { factor: 100, unit: '%' },
};

export function onScreen(path: FieldPath, value: number): string {
  return show(value * (SCREEN_UNITS[path]?.factor ?? 1));
}

/** A number field's range: `ollama.temperature` is the shared endpoint field. */
function rangeOf(path: FieldPath): NumberRange | undefined {
  const server = serverPathParts(path);
  if (server) return server.field === 'weight' ? SETTINGS_RANGES.endpoint.weight : undefined;
  const [section, field] = path.split('.') as [string, string | undefined];
  const ranges = (section === 'ollama' || section === 'openai' || section === 'gemini' ? SETTINGS_RANGES.endpoint : SETTINGS_RANGES[section as keyof typeof SETTINGS_RANGES]) as Record<string, NumberRange> | undefined;
  return field ? ranges?.[field] : undefined;
}

export interface NumberRule {
  /** Screen value to settings value. */
  toSetting: (shown: number) => number;
  /** The range in screen units; null where the setting has none. */
  min: number | null;
  max: number | null;
  whole: boolean;
  unit: string;
}

export function numberRule(path: FieldPath): NumberRule {
  const range = rangeOf(path);
  const { factor = 1, unit = '' } = SCREEN_UNITS[path] ?? {};
  const bound = (value: number | undefined) => (value === undefined ? null : Number((value * factor).toFixed(6)));
  return {
    toSetting: (shown) => (factor === 1 ? shown : Number((shown / factor).toFixed(6))),
    min: bound(range?.min),
    max: bound(range?.max),
    whole: range?.int ?? false,
    unit,
  };
}
