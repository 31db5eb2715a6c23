import { useEffect, useState } from 'react';

/** The current time, refreshed every 15 seconds: enough for a timer that counts whole minutes. */
export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(t);
  }, []);
  return now;
}
