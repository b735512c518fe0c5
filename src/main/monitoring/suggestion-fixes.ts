/**
 * The setting each suggestion names and the change its Apply button makes: the button's words and the settings change,
 * from the settings as they are now. A suggestion that names no setting (a slower model, check the machine) has none.
 */
import { formatSpan } from '../../shared/monitor-units';
import { SETTINGS_RANGES, type AppSettings, type SettingsChange } from '../../shared/settings';

export interface SettingFix {
  /** The Apply button's text, e.g. "Raise cache.db's budget to 512 MB". */
  apply: string;
  change: SettingsChange;
}

const R = SETTINGS_RANGES.cache;

export function settingFixFor(id: string, settings: AppSettings): SettingFix | null {
  const cache = settings.cache;
  // Doubling, within the setting's range; nothing to apply when it is already at the top.
  const doubled = (value: number, max: number) => (value < max ? Math.min(max, value * 2) : null);
  switch (id) {
    case 'l1_too_small': {
      const to = doubled(cache.l1MaxMb, R.l1MaxMb.max);
      return to === null ? null : { apply: `Raise the memory cache budget to ${to} MB`, change: { cache: { l1MaxMb: to } } };
    }
    case 'ttl_too_short': {
      const to = doubled(cache.ttlMinMinutes, R.ttlMinMinutes.max);
      return to === null ? null : { apply: `Raise the shortest entry lifetime to ${formatSpan(to * 60_000)}`, change: { cache: { ttlMinMinutes: to } } };
    }
    case 'l2_too_small': {
      const to = doubled(cache.l2MaxMb, R.l2MaxMb.max);
      return to === null ? null : { apply: `Raise cache.db's budget to ${to} MB`, change: { cache: { l2MaxMb: to } } };
    }
    case 'preload_wasted':
      return cache.preload ? { apply: 'Turn preloading off', change: { cache: { preload: false } } } : null;
    default:
      return null;
  }
}
