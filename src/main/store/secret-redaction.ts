/**
 * API keys this process holds, so that any text leaving it (an error from a provider that echoes
 * the key it refused, a log line, a stored run error) can be scrubbed. Process-wide on purpose:
 * keys are, and text that must be scrubbed is made in many places that never see settings.
 */
const secrets = new Set<string>();
/** Shorter values are not keys, and hiding them would mangle ordinary words. */
const MIN_LENGTH = 8;
export const REDACTED = '[API key hidden]';

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
  return redactSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
