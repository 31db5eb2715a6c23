/**
 * The server's only logger. It takes an event name and a flat map of safe metadata (ids, counts,
 * status codes, durations). It is never given case content, names, emails, IP addresses or tokens:
 * callers pass ids only, and request logging (requestLog.ts) records the route pattern, not the URL.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** A structured logger writing JSON lines to stdout/stderr. */
export type Logger = {
  info(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
};

/** Creates a logger at the given level ('debug' is 'info' plus every request; see requestLog.ts). */
export function createLogger(level: 'silent' | 'error' | 'info' | 'debug'): Logger {
  const write = (stream: NodeJS.WriteStream, lvl: string, event: string, fields?: LogFields) =>
    stream.write(`${JSON.stringify({ t: new Date().toISOString(), lvl, event, ...fields })}\n`);
  return {
    info: (event, fields) => {
      if (level === 'info' || level === 'debug') write(process.stdout, 'info', event, fields);
    },
    error: (event, fields) => {
      if (level !== 'silent') write(process.stderr, 'error', event, fields);
    },
  };
}
