import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Bytes in an audit key: 256 bits, HMAC-SHA256's block-size-appropriate minimum. */
export const AUDIT_KEY_BYTES = 32;

/** Where the key comes from, for the start-up message (never the key itself). */
export type AuditKeySource = 'env' | 'file' | 'generated';

/** The default key file: beside DATA_DIR, never in it, so a copy of DATA_DIR does not carry the key. */
export function defaultAuditKeyFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.audit-key`;
}

/** True when `file` is DATA_DIR itself or anywhere inside it. */
function insideDir(file: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Decodes AUDIT_KEY: 64 hex digits, or base64/base64url of at least 32 bytes. */
function decodeKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64,}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length < AUDIT_KEY_BYTES) throw new Error(`The audit key must be at least ${AUDIT_KEY_BYTES} bytes (64 hex digits or base64).`);
  return key;
}

/**
 * The audit log's HMAC key: AUDIT_KEY if set, else the key file (AUDIT_KEY_FILE, default beside
 * DATA_DIR), generated on first start with a warning on stderr. A key file inside DATA_DIR is refused,
 * since whoever can rewrite the log could then also read the key and re-sign it.
 */
export async function loadAuditKey(opts: {
  dataDir: string;
  envKey?: string | undefined;
  keyFile?: string | undefined;
  generate?: boolean;
}): Promise<{ key: Buffer; source: AuditKeySource; file: string | null }> {
  if (opts.envKey) return { key: decodeKey(opts.envKey), source: 'env', file: null };
  const file = path.resolve(opts.keyFile ?? defaultAuditKeyFile(opts.dataDir));
  if (insideDir(file, opts.dataDir)) throw new Error('AUDIT_KEY_FILE must be outside DATA_DIR, so that whoever can change the audit log cannot also read its key.');
  try {
    return { key: decodeKey(await fs.readFile(file, 'utf8')), source: 'file', file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (opts.generate === false) throw new Error(`No audit key: set AUDIT_KEY, or AUDIT_KEY_FILE (looked for ${file}).`);
  const key = randomBytes(AUDIT_KEY_BYTES);
  // 'wx': if another process created it meanwhile, fail rather than overwrite a key already in use.
  await fs.writeFile(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  process.stderr.write(
    `\nWARNING: generated a new audit log key in ${file}.\n` +
      'Without it the audit log cannot be verified. Back it up apart from DATA_DIR, keep it out of reach of anyone\n' +
      'who can write DATA_DIR, or set AUDIT_KEY from a secret store instead (docs/security.md, "Audit log").\n\n',
  );
  return { key, source: 'generated', file };
}
