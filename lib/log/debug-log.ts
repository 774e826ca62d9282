/** Severity of a debug log entry. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One entry of the debug log. */
export interface LogEntry {
  at: number;
  level: LogLevel;
  scope: string;
  message: string;
}

// SIP traffic and errors may carry secrets: digest responses, passwords in URLs or JSON.
const SECRET_PATTERNS: Array<[RegExp, string]> = [
  [/^((?:Proxy-)?Authorization:\s*\w+\s).*$/gim, '$1[redacted]'],
  [/("?(?:password|credential|authorizationPassword|token)"?\s*[:=]\s*)("[^"]*"|[^\s,}]+)/gi, '$1[redacted]'],
  [/(\b(?:wss?|https?|turns?|sips?):\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1[redacted]@'],
];

/** Removes credentials from text before it is logged or shown. */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((acc, [re, by]) => acc.replace(re, by), text);
}

/**
 * A bounded in-memory debug log: replaces console output in shipped code, redacts secrets, and
 * keeps the newest `capacity` entries for a later viewer/download.
 */
export class DebugLog {
  private readonly entries: LogEntry[] = [];

  constructor(
    private readonly capacity = 500,
    private readonly sink?: (entry: LogEntry) => void,
  ) {}

  /** Records a message; secrets are redacted first. */
  write(level: LogLevel, scope: string, message: string): void {
    const entry: LogEntry = { at: Date.now(), level, scope, message: redact(message) };
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
    this.sink?.(entry);
  }

  /** A logger bound to one scope. */
  scope(scope: string): ScopedLog {
    return {
      debug: (m) => this.write('debug', scope, m),
      info: (m) => this.write('info', scope, m),
      warn: (m) => this.write('warn', scope, m),
      error: (m) => this.write('error', scope, m),
    };
  }

  /** The kept entries, oldest first. */
  snapshot(): LogEntry[] {
    return [...this.entries];
  }
}

/** A logger for one module. */
export interface ScopedLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
