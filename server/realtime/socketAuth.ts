import type { Server as SocketIOServer } from 'socket.io';
import type { AuthService } from '../auth/AuthService.js';
import type { ConnectionRegistry } from './ConnectionRegistry.js';
import { isAllowedOrigin } from '../http/origin.js';

/**
 * Guards the default Socket.IO namespace, which carries staff (signed-in) traffic only: the handshake
 * must present a live session cookie and an allowed Origin, exactly like the /yjs upgrade. Each staff
 * socket is registered so that logout, disabling or a role change disconnects it at once.
 *
 * Anonymous workshop participants use their own namespace, which never reads the session cookie, so
 * that their submissions travel on a channel that does not carry staff sessions.
 */
export function attachSocketAuth(io: SocketIOServer, deps: { auth: AuthService; registry: ConnectionRegistry; publicOrigins: readonly string[] }): void {
  const staff = io.of('/');
  staff.use(async (socket, next) => {
    const req = socket.request;
    if (!isAllowedOrigin(req, deps.publicOrigins)) return next(new Error('forbidden-origin'));
    let ctx: Awaited<ReturnType<AuthService['fromRequest']>>;
    try {
      ctx = await deps.auth.fromRequest(req);
    } catch {
      return next(new Error('unavailable'));
    }
    if (!ctx) return next(new Error('unauthenticated'));
    // The socket may have gone while the session store answered: register nothing for it.
    if (socket.conn.readyState !== 'open') return next(new Error('gone'));
    socket.data.auth = ctx;
    const remove = deps.registry.add({
      sessionHash: ctx.sessionHash,
      userId: ctx.userId,
      close: () => socket.disconnect(true),
    });
    socket.once('disconnect', remove);
    // Every event the user sends counts as activity for the session's idle timer.
    socket.use((_packet, nextPacket) => {
      void deps.auth.touch(ctx.sessionHash).catch(() => undefined);
      nextPacket();
    });
    next();
  });
}
