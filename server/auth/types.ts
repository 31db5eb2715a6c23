import type { IncomingMessage } from 'node:http';

/** Who is making a request, as established from their session cookie on the server. */
export type AuthContext = {
  userId: string;
  /** sha256 of the session token; the token itself is only ever in the cookie. */
  sessionHash: string;
  name: string;
  email: string;
  isAdmin: boolean;
};

/** Resolves a request's session cookie to an AuthContext, refreshing the idle timer; null if none or expired. */
export type Authenticate = (req: IncomingMessage) => AuthContext | null;
