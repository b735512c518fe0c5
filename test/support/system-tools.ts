/**
 * The system programs some tests need beyond Node and npm, what Debian calls them, and which test
 * files need them. One table for `npm test`'s set-up step (scripts/test-setup.ts installs or names
 * what is missing) and for vitest.config.ts (which leaves out the files whose tools are missing,
 * except under CI=true, where nothing may be skipped).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumPath } from '../../src/main/reports/pdf-printer';

export interface SystemTool {
  /** What a person calls it. */
  label: string;
  /** The Debian packages that bring it. */
  packages: readonly string[];
  /** Test files (globs from the repository root) that cannot run without it. */
  files: readonly string[];
  present(): boolean;
}

const onPath = (command: string): boolean =>
  (process.env['PATH'] ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, command)));

/** The installed font families, in lower case (none where fontconfig is missing). */
function fonts(): string {
  try {
    return execFileSync('fc-list', [':', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).toLowerCase();
  } catch {
    return '';
  }
}

const REPORT_TESTS = ['test/report.test.ts', 'test/report-pdf.test.ts', 'test/reliability/secrets.test.ts'];
/** Tests that start a real redis-server (test/support/redis-server.ts); other helpers add theirs here. */
export const REDIS_TESTS = ['test/team-cache.test.ts', 'test/team-cache-chaos.test.ts', 'test/team-cache-topologies.test.ts', 'e2e/team-settings.e2e.test.ts'];

export const SYSTEM_TOOLS: readonly SystemTool[] = [
  {
    label: `Chromium (${chromiumPath()}; set CHROMIUM_PATH for another)`,
    packages: ['chromium'],
    files: ['e2e/**/*.e2e.test.ts', ...REPORT_TESTS, 'test/cli-pdf.test.ts'],
    present: () => fs.existsSync(chromiumPath()),
  },
  {
    label: 'poppler (pdfinfo, pdftotext, pdftoppm, pdffonts, pdfimages, pdftohtml)',
    packages: ['poppler-utils'],
    files: [...REPORT_TESTS, 'test/cli-pdf.test.ts'],
    present: () => ['pdfinfo', 'pdftotext', 'pdftoppm', 'pdffonts', 'pdfimages', 'pdftohtml'].every(onPath),
  },
  {
    label: `redis-server and redis-cli (${process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server'}; set REDIS_SERVER and REDIS_CLI for others)`,
    packages: ['redis-server'],
    files: REDIS_TESTS,
    present: () => fs.existsSync(process.env['REDIS_SERVER'] ?? '/usr/bin/redis-server') && fs.existsSync(process.env['REDIS_CLI'] ?? '/usr/bin/redis-cli'),
  },
  {
    label: 'a font with Chinese glyphs',
    packages: ['fonts-wqy-zenhei'],
    files: ['test/report.test.ts'],
    present: () => /wenquanyi|noto sans cjk|noto serif cjk/.test(fonts()),
  },
  {
    label: 'a colour emoji font',
    packages: ['fonts-noto-color-emoji'],
    files: ['test/report.test.ts'],
    present: () => fonts().includes('emoji'),
  },
];

/** CI must run every test: there a missing tool fails the tests instead of skipping them. */
export const mayskip = (): boolean => process.env['CI'] !== 'true';

export const missingSystemTools = (): SystemTool[] => SYSTEM_TOOLS.filter((tool) => !tool.present());

/** The test files left out on this machine: none under CI. */
export function skippedTestFiles(): string[] {
  if (!mayskip()) return [];
  return [...new Set(missingSystemTools().flatMap((tool) => tool.files))];
}
