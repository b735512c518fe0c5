/**
 * The API keys a core holds, so that any text leaving it (an error from a provider that echoes the
 * key it refused, a log line, a stored run error) can be scrubbed. An object, not process state:
 * createCore makes one (or takes the one its host made) and hands it to every part that learns
 * keys or lets text out, so two cores in one process know only their own keys.
 *
 *   new SecretRegistry()                          remember(key), redact(text), describeForLog(error)
 *   reportUncaughtErrorsScrubbed(registry, show?)  uncaught errors printed with the registry's keys hidden
 */
export class SecretRegistry {
  private readonly secrets = new Set<string>();

  /** A key to hide from now on; empty and short values are ignored. */
  remember(value: string | undefined): void {
    if (value && value.length >= MIN_LENGTH) this.secrets.add(value);
  }

  /** `text` with every known key replaced by a marker. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** An error as a log line: its stack (or text) with keys scrubbed. */
  describeForLog(error: unknown): string {
    try {
      return this.redact(error instanceof Error ? (error.stack ?? error.message) : String(error));
    } catch {
      // A thrown value whose toString throws in turn (hostile input can throw anything).
      return '(a value that cannot be printed)';
    }
  }
}

/**
 * Errors nobody caught are printed scrubbed, instead of Node's raw stack (an error built around a
 * key would print it). The host passes the registry it gives its core, made before the core so
 * that start-up errors are covered too. An exception still ends the process, as it would have;
 * `show` lets the desktop app put the same text in a dialog.
 */
export function reportUncaughtErrorsScrubbed(secretRegistry: SecretRegistry, show: (text: string) => void = () => {}): void {
  process.on('uncaughtException', (error) => {
    const text = `Persona Studio stopped on an unexpected error: ${secretRegistry.describeForLog(error)}`;
    process.stderr.write(`${text}\n`);
    show(text);
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => process.stderr.write(`[unhandled rejection] ${secretRegistry.describeForLog(reason)}\n`));
}

/** Shorter values are not keys, and hiding them would mangle ordinary words. */
const MIN_LENGTH = 8;
const REDACTED = '[API key hidden]';
