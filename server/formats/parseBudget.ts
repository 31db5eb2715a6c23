import { FormatError } from './FormatError.js';
import type { FormatLimits } from './limits.js';

/** Steps between clock reads: reading the clock on every token would cost more than the parse. */
const CHECK_EVERY = 4096;

/**
 * Bounds the work of one parse: `step()` is called once per token or character run and throws
 * FormatError('too_slow_to_read') once `maxParseMs` has passed since the parse began. It is a
 * counter plus an occasional clock read, so it stops a hostile file during the loop that would
 * otherwise run on, not after it has finished.
 */
export class ParseBudget {
  private readonly deadline: number;
  private steps = 0;

  /** Starts the clock for one file. */
  constructor(private readonly limits: Pick<FormatLimits, 'maxParseMs'>) {
    this.deadline = performance.now() + limits.maxParseMs;
  }

  /** Counts one unit of work; throws once the time budget is spent. */
  step(): void {
    if (++this.steps % CHECK_EVERY !== 0) return;
    if (performance.now() > this.deadline) {
      throw new FormatError(
        'too_slow_to_read',
        `The file takes too long to read (over ${this.limits.maxParseMs / 1000} seconds), so it was refused. Save it again with fewer rows or less formatting.`,
      );
    }
  }
}
