/**
 * API keys this process holds, so that any text leaving it (an error from a provider that echoes
 * the key it refused, a log line, a stored run error) can be scrubbed. Process-wide on purpose:
 * keys are, and text that must be scrubbed is made in many places that never see settings.
 */
const secrets = new Set<string>();
/** Shorter values are not keys, and hiding them would mangle ordinary words. */
const MIN_LENGTH = 8;
const REDACTED = '[API key hidden]';

export function rememberSecret(value: string | undefined): void {
  if (value && value.length >= MIN_LENGTH) secrets.add(value);
}

/** `text` with every known key replaced by a marker. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** An error as a log line: its stack (or text) with keys scrubbed. */
export function describeForLog(error: unknown): string {
  try {
    return redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } catch {
    // A thrown value whose toString throws in turn (hostile input can throw anything).
    return '(a value that cannot be printed)';
  }
}

/**
 * Errors nobody caught are printed scrubbed, instead of Node's raw stack (an error built around a
 * key would print it). An exception still ends the process, as it would have; `show` lets the
 * desktop app put the same text in a dialog.
 */
export function reportUncaughtErrorsScrubbed(show: (text: string) => void = () => {}): void {
  process.on('uncaughtException', (error) => {
    const text = `Persona Studio stopped on an unexpected error: ${describeForLog(error)}`;
    process.stderr.write(`${text}\n`);
    show(text);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => process.stderr.write(`[unhandled rejection] ${describeForLog(reason)}\n`));
}
