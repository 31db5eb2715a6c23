import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { SOCKET_IO_OPTIONS } from '../lib/socketIoOptions.js';
import { z } from 'zod';
import { WorkshopSetupSchema, WorkshopStateSchema } from '../../../shared/workshop/workshop.js';
import { PromptCountsSchema } from './api.js';

const StateEventSchema = z.object({ workshopId: z.string(), state: WorkshopStateSchema, setup: WorkshopSetupSchema, responsesExist: z.boolean() });

/** A workshop's state as the staff events push it (after each facilitator action or set-up save). */
export type PushedState = Omit<z.infer<typeof StateEventSchema>, 'workshopId'>;

const CountsSchema = z.record(z.string(), PromptCountsSchema);

/** The coarse live counts of each prompt. */
export type LiveCounts = z.infer<typeof CountsSchema>;

/** Where the live counts stand. */
export type CountsStatus = 'connecting' | 'live' | 'offline' | 'refused';

/**
 * Live answer counts per prompt for the facilitator: the staff Socket.IO namespace (signed in with the
 * session cookie), `workshop:watch` once per connection, then `workshop:counts`, which the server sends
 * at most every 30 seconds and coarse ("fewer than k", "at least 10"). `released` goes up each time the
 * server says prompts were released, so the results and the outcome can be reloaded; `moderated` goes
 * up when an answer is hidden or shown again; `pushed` is the latest state another screen's action made.
 */
export function useWorkshopCounts(
  workshopId: string,
  enabled: boolean,
): {
  counts: LiveCounts;
  status: CountsStatus;
  released: number;
  moderated: number;
  pushed: PushedState | null;
} {
  const [counts, setCounts] = useState<LiveCounts>({});
  const [status, setStatus] = useState<CountsStatus>('connecting');
  const [released, setReleased] = useState(0);
  const [moderated, setModerated] = useState(0);
  const [pushed, setPushed] = useState<PushedState | null>(null);
  useEffect(() => {
    if (!enabled) return;
    // forceNew: a socket of its own, so closing it never closes another feature's staff socket.
    const socket = io('/', { ...SOCKET_IO_OPTIONS, forceNew: true });
    const watch = async () => {
      try {
        const ack: unknown = await socket.timeout(10_000).emitWithAck('workshop:watch', { workshopId });
        const parsed = z.object({ ok: z.literal(true), counts: CountsSchema }).safeParse(ack);
        if (parsed.success) {
          setCounts(parsed.data.counts);
          setStatus('live');
        } else setStatus('refused');
      } catch {
        setStatus('offline');
      }
    };
    socket.on('connect', () => void watch());
    socket.on('workshop:counts', (payload: unknown) => {
      const parsed = z.object({ workshopId: z.string(), counts: CountsSchema }).safeParse(payload);
      if (parsed.success && parsed.data.workshopId === workshopId) setCounts(parsed.data.counts);
    });
    socket.on('workshop:released', (payload: unknown) => {
      const parsed = z.object({ workshopId: z.string() }).safeParse(payload);
      if (parsed.success && parsed.data.workshopId === workshopId) setReleased((n) => n + 1);
    });
    socket.on('workshop:moderated', (payload: unknown) => {
      const parsed = z.object({ workshopId: z.string() }).safeParse(payload);
      if (parsed.success && parsed.data.workshopId === workshopId) setModerated((n) => n + 1);
    });
    socket.on('workshop:state', (payload: unknown) => {
      const parsed = StateEventSchema.safeParse(payload);
      if (parsed.success && parsed.data.workshopId === workshopId) {
        const { workshopId: _id, ...rest } = parsed.data;
        setPushed(rest);
      }
    });
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', () => setStatus('offline'));
    return () => {
      socket.removeAllListeners();
      socket.close();
    };
  }, [workshopId, enabled]);
  return { counts, status, released, moderated, pushed };
}
