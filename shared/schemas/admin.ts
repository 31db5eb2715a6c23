import { z } from 'zod';
import { NewPasswordSchema } from './api.js';
import { EmailSchema } from './records.js';

/**
 * One request from the admin CLI to the running server over its local admin socket (README,
 * "Administration"). The same commands, checks and audit events as the API's.
 */
export const AdminRequestSchema = z.discriminatedUnion('command', [
  z.strictObject({ command: z.literal('create-admin'), email: EmailSchema, password: NewPasswordSchema }),
  z.strictObject({ command: z.literal('reset-password'), email: EmailSchema, password: NewPasswordSchema }),
  z.strictObject({ command: z.literal('disable-user'), email: EmailSchema }),
  z.strictObject({ command: z.literal('verify-audit') }),
  // An absolute path on the server's machine (the CLI resolves it), where the server writes the backup.
  z.strictObject({
    command: z.literal('backup'),
    file: z
      .string()
      .min(2)
      .max(4096)
      .refine((f) => f.startsWith('/') && !f.includes('\0'), 'an absolute path'),
  }),
]);

/** An admin CLI request. */
export type AdminRequest = z.infer<typeof AdminRequestSchema>;

/** The server's answer: what happened, in words for the terminal, or why not. */
export const AdminReplySchema = z.strictObject({ ok: z.boolean(), message: z.string().max(20_000) });

/** An admin socket reply. */
export type AdminReply = z.infer<typeof AdminReplySchema>;
