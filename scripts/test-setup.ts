/**
 * Runs before `npm test` (npm's pretest): makes sure the system programs some tests need are here.
 * As root with apt-get (a fresh Debian machine, CI) it installs what is missing; elsewhere it names
 * what is missing, the one command that brings it, and the test files that will be left out. Under
 * CI=true nothing may be left out: it fails instead.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { mayskip, missingSystemTools, skippedTestFiles, type SystemTool } from '../test/support/system-tools';

const packagesOf = (tools: readonly SystemTool[]) => [...new Set(tools.flatMap((tool) => tool.packages))];
const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');

let missing = missingSystemTools();
if (missing.length > 0 && canInstall) {
  const packages = packagesOf(missing);
  console.log(`npm test: installing what the browser, report and team cache tests need (once): ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    // apt's progress is long and says nothing useful when all goes well: shown only when it fails.
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'pipe', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'pipe', env });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}npm test: apt-get could not install them (above).`);
  }
  missing = missingSystemTools();
}

if (missing.length > 0) {
  const apt = `apt-get install ${packagesOf(missing).join(' ')}`;
  const command = canInstall ? apt : fs.existsSync('/usr/bin/apt-get') ? `sudo ${apt}` : `your package manager's equivalent of: ${apt}`;
  const lines = [`npm test: missing ${missing.map((tool) => tool.label).join('; ')}.`, `  To run every test: ${command}`];
  if (mayskip()) {
    lines.push(`  Left out this time: ${skippedTestFiles().join(', ')}`);
    console.warn(lines.join('\n'));
  } else {
    lines.push('  CI=true: no test may be left out, so the run stops here.');
    console.error(lines.join('\n'));
    process.exit(1);
  }
}
