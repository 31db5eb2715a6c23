import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import { z } from 'zod';

const CountsSchema = z.record(z.string(), z.number());

/** Where the live counts stand. */
export type CountsStatus = 'connecting' | 'live' | 'offline' | 'refused';

/**
 * Live answer counts per prompt for the facilitator: the staff Socket.IO namespace (signed in with the
 * session cookie), `workshop:watch` once per connection, then `workshop:counts` as answers arrive.
 * Watching again after a reconnect picks up whatever arrived meanwhile.
 */
export function useWorkshopCounts(workshopId: string, enabled: boolean): { counts: Record<string, number>; status: CountsStatus } {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [status, setStatus] = useState<CountsStatus>('connecting');
  useEffect(() => {
    if (!enabled) return;
    // forceNew: a socket of its own, so closing it never closes another feature's staff socket.
    const socket = io('/', { path: '/socket.io', forceNew: true });
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
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', () => setStatus('offline'));
    return () => {
      socket.removeAllListeners();
      socket.close();
    };
  }, [workshopId, enabled]);
  return { counts, status };
}
