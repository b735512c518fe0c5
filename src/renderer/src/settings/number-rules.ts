/**
 * A number setting as the form shows and checks it: its range from the one settings schema
 * (src/shared/settings.ts) converted to screen units, so no range is written twice.
 */
import { z } from 'zod';
import { SETTINGS_FIELDS } from '../../../shared/settings';
import type { FieldPath } from './setting-paths';

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

/** A number field's schema: `ollama.temperature` is the shared endpoint field. */
function schemaOf(path: FieldPath): z.ZodType | undefined {
  const [section, field] = path.split('.') as [string, string | undefined];
  const fields = (section === 'ollama' || section === 'openai' || section === 'gemini' ? SETTINGS_FIELDS.endpoint : SETTINGS_FIELDS[section as keyof typeof SETTINGS_FIELDS]) as Record<string, z.ZodType> | undefined;
  return field ? fields?.[field] : undefined;
}

export interface NumberRule {
  /** Screen value to settings value. */
  toSetting: (shown: number) => number;
  /** The schema's bounds in screen units. */
  min: number | null;
  max: number | null;
  whole: boolean;
  unit: string;
}

export function numberRule(path: FieldPath): NumberRule {
  const schema = schemaOf(path);
  const number = schema instanceof z.ZodNullable ? schema.unwrap() : schema;
  const { factor = 1, unit = '' } = SCREEN_UNITS[path] ?? {};
  const bound = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? null : Number((value * factor).toFixed(6)));
  return {
    toSetting: (shown) => (factor === 1 ? shown : Number((shown / factor).toFixed(6))),
    min: number instanceof z.ZodNumber ? bound(number.minValue) : null,
    max: number instanceof z.ZodNumber ? bound(number.maxValue) : null,
    whole: number instanceof z.ZodNumber && number.isInt,
    unit,
  };
}
