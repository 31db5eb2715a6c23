import { TEST_ADMIN } from './testServer.js';

/** The parsed result of a REST call. */
export type ApiResult<T = any> = { status: number; body: T; headers: Headers };

/** Calls the REST API with JSON and an optional session cookie. */
export async function api<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  opts: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const res = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

/** Signs in and returns the session cookie ("name=value") to send back. */
export async function login(baseUrl: string, email = TEST_ADMIN.email, password = TEST_ADMIN.password): Promise<string> {
  const r = await api(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (r.status !== 200) throw new Error(`login failed ${r.status} ${JSON.stringify(r.body)}`);
  const set = r.headers.get('set-cookie');
  if (!set) throw new Error('no session cookie');
  return set.split(';')[0]!;
}
