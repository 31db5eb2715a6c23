import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_IO_OPTIONS } from '../lib/socketIoOptions.js';
import { z } from 'zod';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { navigate } from '../router/navigation.js';
import { CodeForm } from './CodeForm.js';
import { saveJoin } from './joinStorage.js';
import { browserStorage } from './receipts.js';

/** How long to wait for the server to answer a code before saying so. */
const LOOKUP_TIMEOUT_MS = 15_000;

const LookupAnswerSchema = z.union([
  z.object({ ok: z.literal(true), workshopId: z.string().regex(/^[A-Za-z0-9_-]{16,24}$/) }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);

/**
 * The short address, /join: a participant types only the workshop code the lead reviewer shows. The
 * anonymous channel finds the workshop (a wrong code slows only this connection, and never locks
 * anyone out), then the tab remembers the code and goes on to /join/<workshop>, which joins with it.
 * Invitation links (/join/<workshop>#invitation=…) do not come here.
 */
export function JoinCodePage() {
  usePageTitle('Join the workshop');
  const socket = useRef<Socket | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    // forceNew: the anonymous channel never shares an underlying connection with a staff socket.
    const s = io('/workshop', { ...SOCKET_IO_OPTIONS, forceNew: true });
    socket.current = s;
    return () => {
      s.removeAllListeners();
      s.close();
      socket.current = null;
    };
  }, []);

  const lookup = async (code: string) => {
    const s = socket.current;
    if (!s || checking) return;
    setChecking(true);
    // The last answer goes while this one is checked, so the next message is plainly this attempt's.
    setError(null);
    try {
      const parsed = LookupAnswerSchema.safeParse(await s.timeout(LOOKUP_TIMEOUT_MS).emitWithAck('lookup', { code }));
      if (!parsed.success) {
        setError('The server sent an answer this page does not understand. Try again.');
      } else if (parsed.data.ok) {
        saveJoin(browserStorage('sessionStorage'), { workshopId: parsed.data.workshopId, code, accepted: false });
        navigate(`/join/${encodeURIComponent(parsed.data.workshopId)}`);
      } else {
        setError(parsed.data.error.message);
      }
    } catch {
      setError('The server did not answer in time. Check your connection and try again.');
    } finally {
      setChecking(false);
    }
  };

  return <CodeForm serverError={error} onJoin={(code) => void lookup(code)} busy={checking} />;
}
