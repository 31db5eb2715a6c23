import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { apiRequest, errorMessage } from '../api/client.js';
import { ApiRequestError } from '../api/ApiRequestError.js';

/** The state of a GET request: its data once loaded, or the error, and a way to load it again. */
export type ApiData<T> = {
  data: T | null;
  error: string | null;
  status: number | null;
  loading: boolean;
  reload(): Promise<void>;
};

/**
 * Loads `path` with GET and validates it with `schema`; reloads when the path changes. A failed reload
 * keeps the data it had (so a brief outage does not blank the page) unless the server says 403 or 404.
 */
export function useApiData<T>(path: string, schema: z.ZodType<T>): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(
    async (signal?: { cancelled: boolean }) => {
      setLoading(true);
      try {
        const result = await apiRequest('GET', path, { schema });
        if (signal?.cancelled) return;
        setData(result);
        setError(null);
        setStatus(200);
      } catch (err) {
        if (signal?.cancelled) return;
        setError(errorMessage(err));
        const status = err instanceof ApiRequestError ? err.status : null;
        setStatus(status);
        // A reload that finds the record gone or forbidden must stop showing it; a network blip keeps it.
        if (status === 403 || status === 404) setData(null);
      } finally {
        if (!signal?.cancelled) setLoading(false);
      }
    },
    [path, schema],
  );

  useEffect(() => {
    const signal = { cancelled: false };
    setData(null);
    void load(signal);
    return () => {
      signal.cancelled = true;
    };
  }, [load]);

  const reload = useCallback(() => load(), [load]);
  return { data, error, status, loading, reload };
}
