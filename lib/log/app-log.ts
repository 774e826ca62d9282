import { DebugLog } from './debug-log';

/**
 * The log of one extension context. Warnings and errors also reach the browser's console so an
 * admin can see them in DevTools; everything is redacted before it is kept or printed.
 */
export const appLog = new DebugLog(500, (entry) => {
  if (entry.level === 'error') console.error(`[${entry.scope}] ${entry.message}`);
  else if (entry.level === 'warn') console.warn(`[${entry.scope}] ${entry.message}`);
});
