import type { Namespace, Server as SocketIOServer, Socket } from 'socket.io';
import { z } from 'zod';
import { JoinPayloadSchema, PrivateRequestPayloadSchema, RespondPayloadSchema, WithdrawPayloadSchema } from '../../shared/workshop/participant.js';
import { openPromptIds } from '../../shared/workshop/prompts.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import { hasForbiddenKey } from '../http/validate.js';
import { isAllowedOrigin } from '../http/origin.js';
import type { Logger } from '../http/logger.js';
import type { RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { participantView } from './participantView.js';
import { RateLimiter } from './RateLimiter.js';
import type { ResponseStore } from './ResponseStore.js';

/** Events a participant may send per second, sustained, and in a burst. */
const PER_SOCKET = { capacity: 20, perSecond: 2 };
/** Submissions a whole workshop accepts per second, sustained, and in a burst (300 people answering at once). */
const PER_WORKSHOP = { capacity: 2_000, perSecond: 500 };
/**
 * Wrong join codes tolerated per workshop (50 at once, then one a second) and per connection (5, then
 * one every 6 seconds). With 31^6 (about 887 million) codes, guessing at these rates is hopeless, and
 * the per-workshop allowance is large enough that a guesser cannot lock real participants out.
 */
const BAD_CODES_PER_WORKSHOP = { capacity: 50, perSecond: 1 };
const BAD_CODES_PER_SOCKET = { capacity: 5, perSecond: 1 / 6 };

type Ack = (answer: { ok: true; [k: string]: unknown } | { ok: false; error: { code: string; message: string } }) => void;
const fail = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

/**
 * The anonymous participant channel: the Socket.IO namespace /workshop. It never reads the session
 * cookie (it deletes it from the handshake before anything else runs), never logs or stores the
 * address or user agent, and gives responses no identifier beyond a receipt hash. A submission is
 * acknowledged only once it is durable. Screens follow the facilitator through room broadcasts, and a
 * reconnecting screen gets the current state when it joins again.
 */
export class WorkshopHub {
  readonly ns: Namespace;
  private readonly perSocket = new RateLimiter(PER_SOCKET.capacity, PER_SOCKET.perSecond);
  private readonly perWorkshop = new RateLimiter(PER_WORKSHOP.capacity, PER_WORKSHOP.perSecond);
  private readonly badCodes = new RateLimiter(BAD_CODES_PER_WORKSHOP.capacity, BAD_CODES_PER_WORKSHOP.perSecond);
  private readonly badCodesPerSocket = new RateLimiter(BAD_CODES_PER_SOCKET.capacity, BAD_CODES_PER_SOCKET.perSecond);

  /** Creates the namespace and wires its events. */
  constructor(io: SocketIOServer, private readonly deps: { records: RecordStore; sync: SyncServer; responses: ResponseStore; log: Logger; publicOrigins: readonly string[] }) {
    this.ns = io.of('/workshop');
    this.ns.use((socket, next) => {
      // Staff sessions must not travel on this channel: drop the cookie before anything can read it.
      delete socket.request.headers.cookie;
      delete socket.handshake.headers.cookie;
      if (!isAllowedOrigin(socket.request, deps.publicOrigins)) return next(new Error('forbidden-origin'));
      next();
    });
    this.ns.on('connection', (socket) => this.onConnection(socket));
  }

  private onConnection(socket: Socket): void {
    const key = socket.id;
    socket.once('disconnect', () => { this.perSocket.forget(key); this.badCodesPerSocket.forget(key); });
    const guard = (event: string, schema: z.ZodType, handler: (payload: never, ack: Ack) => Promise<void>) => {
      socket.on(event, (payload: unknown, ack: unknown) => {
        const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => undefined;
        if (!this.perSocket.take(key)) return reply(fail('rate-limited', 'You are sending too quickly. Wait a moment and try again.'));
        if (hasForbiddenKey(payload)) return reply(fail('invalid', 'That message is not valid.'));
        const parsed = schema.safeParse(payload);
        if (!parsed.success) return reply(fail('invalid', `That message is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`));
        handler(parsed.data as never, reply).catch(() => {
          this.deps.log.error('workshop.handler-failed', { event });
          reply(fail('server', 'Your answer could not be saved. Please try again.'));
        });
      });
    };

    guard('join', JoinPayloadSchema, async (p: z.infer<typeof JoinPayloadSchema>, reply) => {
      // Only wrong codes use up the allowance, per workshop and per connection, so guessing is slow.
      if (!this.badCodes.peek(p.workshopId) || !this.badCodesPerSocket.peek(key)) {
        return reply(fail('rate-limited', 'Too many attempts. Wait a minute and try again.'));
      }
      const w = await this.deps.records.get('workshops', p.workshopId);
      if (!w || w.joinCode !== p.code || w.state.stage === 'draft') {
        this.badCodes.take(p.workshopId);
        this.badCodesPerSocket.take(key);
        return reply(fail('not-found', 'That workshop link or code is not right. Check the code with the lead reviewer.'));
      }
      for (const room of socket.rooms) if (room !== socket.id) await socket.leave(room);
      await socket.join(`p:${w.id}`);
      socket.data.workshopId = w.id;
      reply({ ok: true, view: await participantView(this.deps, w) });
    });

    const joined = async (reply: Ack): Promise<Workshop | null> => {
      const id = socket.data.workshopId as string | undefined;
      const w = id ? await this.deps.records.get('workshops', id) : undefined;
      if (!w) { reply(fail('not-joined', 'Join the workshop first.')); return null; }
      if (w.state.stage === 'closed') { reply(fail('closed', 'This workshop has closed and no longer accepts answers. Thank you for taking part.')); return null; }
      if (!this.perWorkshop.take(w.id)) { reply(fail('rate-limited', 'Many people are answering at once. Try again in a moment.')); return null; }
      return w;
    };

    guard('respond', RespondPayloadSchema, async (p: z.infer<typeof RespondPayloadSchema>, reply) => {
      const w = await joined(reply);
      if (!w) return;
      if (!openPromptIds(w.setup, w.state).has(p.promptId)) return reply(fail('prompt-closed', 'That question is not open for answers now.'));
      await this.deps.responses.respond(w.id, p.promptId, p.text, p.receipt);
      if (!w.responsesExist) await this.deps.records.update('workshops', w.id, (cur) => ({ ...cur, responsesExist: true }));
      reply({ ok: true });
      await this.pushCounts(w.id);
    });

    guard('withdraw', WithdrawPayloadSchema, async (p: z.infer<typeof WithdrawPayloadSchema>, reply) => {
      const w = await joined(reply);
      if (!w) return;
      const done = await this.deps.responses.withdraw(w.id, p.promptId, p.receipt);
      reply(done ? { ok: true } : fail('not-found', 'There is no answer for that receipt.'));
      await this.pushCounts(w.id);
    });

    guard('private-request', PrivateRequestPayloadSchema, async (p: z.infer<typeof PrivateRequestPayloadSchema>, reply) => {
      const w = await joined(reply);
      if (!w) return;
      // Worksheet 4 asks the question, so the request opens with it.
      if (!w.state.feedbackOpen) return reply(fail('prompt-closed', 'You can ask to speak privately once the feedback worksheet opens.'));
      await this.deps.responses.requestPrivate(w.id, p.contact);
      reply({ ok: true });
    });
  }

  /** Sends every participant screen of a workshop its new view (after a facilitator action). */
  async broadcast(w: Workshop): Promise<void> {
    this.ns.to(`p:${w.id}`).emit('view', await participantView(this.deps, w));
    // Facilitators watching (review team, a second lead tab) follow the state too.
    this.ns.server.of('/').to(`f:${w.id}`).emit('workshop:state', { workshopId: w.id, state: w.state, setup: w.setup, responsesExist: w.responsesExist });
  }

  /** Counts per prompt to the facilitators watching (staff namespace room). */
  async pushCounts(workshopId: string): Promise<void> {
    this.ns.server.of('/').to(`f:${workshopId}`).emit('workshop:counts', { workshopId, counts: await this.deps.responses.counts(workshopId) });
  }
}
