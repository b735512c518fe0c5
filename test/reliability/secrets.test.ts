/** API keys never surface outside the provider calls that need them (see secret-scan.ts). */
import { describe, expect, it } from 'vitest';
import { runSecretScan } from './secret-scan';
import { tempDir } from '../helpers';
import { EXPORT_FORMATS } from '../../src/shared/vocabulary';

describe('secrets', () => {
  it('a known fake key is found nowhere: IPC, events, logs, crash output, exports, app.db, cache.db, backups', { timeout: 120_000 }, async () => {
    const report = await runSecretScan(tempDir('persona-secrets-'));
    expect(report.leaks).toEqual([]);
    // The scan searched real material: the keys were in use, refused and quoted back, and everything was looked at.
    expect(report.keyedRequests).toBeGreaterThan(3);
    expect(report.refusals).toBeGreaterThan(0);
    expect(report.searched.ipcResponses).toBeGreaterThan(15);
    expect(report.searched.events).toBeGreaterThan(0);
    // Every format of both runs.
    expect(report.searched.exports).toBe(2 * EXPORT_FORMATS.length);
    expect(report.searched.files).toBeGreaterThanOrEqual(4);
    expect(report.searched.logBytes).toBeGreaterThan(0);
    expect(report.crashed).toBe(true);
  });
});
