import { z } from 'zod';
import { safeString } from '../text.js';
import { UkOrIsoDateSchema } from '../dates.js';
import { MAX_LABEL_CHARS } from '../limits.js';
import { MAX_LIFECYCLE_TEXT_CHARS } from './limits.js';

/**
 * Field schemas shared by the lifecycle records. The same schema validates a request body and the
 * stored record: dates are accepted as DD/MM/YYYY or ISO and always come out as ISO, so a stored ISO
 * date passes through unchanged.
 */

/** A required one-line value (a name), trimmed. */
export const RequiredLine = safeString().trim().min(1, 'is required').max(MAX_LABEL_CHARS);

/** An optional one-line value; empty when not known yet. */
export const Line = safeString().trim().max(MAX_LABEL_CHARS);

/** An optional free-text answer; line breaks are kept. */
export const Text = safeString().max(MAX_LIFECYCLE_TEXT_CHARS);

/** An optional date: DD/MM/YYYY or YYYY-MM-DD in, ISO out, null when not known. */
export const OptionalDate = UkOrIsoDateSchema.nullable();

/** A record version for optimistic concurrency: 0 before the first save. */
export const VersionSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
