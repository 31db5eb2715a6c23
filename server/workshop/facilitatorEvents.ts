import { z } from 'zod';
import { IdSchema } from '../../shared/ids.js';
import type { AppDeps } from '../app.js';
import type { AuthContext } from '../auth/types.js';

const WatchSchema = z.strictObject({ workshopId: IdSchema });

/**
 * Facilitator events on the staff namespace (signed in, cookie checked by socketAuth): a lead
 * reviewer or review team member of the workshop's review may watch it, which joins the room that
 * receives live response counts. Control goes through REST so every change is validated and audited
 * in one place.
 */
export function attachFacilitatorEvents(deps: AppDeps): void {
  deps.io.of('/').on('connection', (socket) => {
    socket.on('workshop:watch', async (payload: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: unknown) => void) : () => undefined;
      const parsed = WatchSchema.safeParse(payload);
      if (!parsed.success) return reply({ ok: false, error: { code: 'invalid', message: 'That message is not valid.' } });
      const ctx = socket.data.auth as AuthContext;
      const w = await deps.records.get('workshops', parsed.data.workshopId);
      const m = w && (await deps.records.find('memberships', { reviewId: w.reviewId, userId: ctx.userId }))[0];
      if (!w || !m || (m.role !== 'lead-reviewer' && m.role !== 'review-team')) {
        return reply({ ok: false, error: { code: 'not-found', message: 'That workshop was not found.' } });
      }
      await socket.join(`f:${w.id}`);
      reply({ ok: true, counts: await deps.responses.counts(w.id) });
    });
  });
}
