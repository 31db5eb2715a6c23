import { createHash } from 'node:crypto';
import type { Namespace, Server as SocketIOServer, Socket } from 'socket.io';
import { z } from 'zod';
import type { PromptCounts } from '../../shared/workshop/anonymity.js';
import {
  IssuerKeyPayloadSchema,
  JoinPayloadSchema,
  LookupPayloadSchema,
  PrivateRequestPayloadSchema,
  RedeemPayloadSchema,
  RespondPayloadSchema,
  WithdrawPayloadSchema,
} from '../../shared/workshop/participant.js';
import { openPromptIds } from '../../shared/workshop/prompts.js';
import type { Workshop } from '../../shared/workshop/workshop.js';
import { hasForbiddenKey } from '../http/validate.js';
import { isAllowedOrigin } from '../http/origin.js';
import type { Logger } from '../http/logger.js';
import type { CountsSnapshotStore, RecordStore } from '../storage/types.js';
import type { SyncServer } from '../sync/SyncServer.js';
import { CountsPublisher } from './CountsPublisher.js';
import { ParticipantViews } from './participantView.js';
import { RateLimiter } from './RateLimiter.js';
import { WorkshopClosedError, type Author, type ResponseStore } from './ResponseStore.js';
import type { TokenIssuer } from './TokenIssuer.js';

/** Events one connection may send per second, sustained, and in a burst. */
const PER_SOCKET = { capacity: 20, perSecond: 2 };
/** Answers, withdrawals and requests per participation token, whatever connection they come from. */
const PER_TOKEN = { capacity: 30, perSecond: 0.5 };
/** Answers from everyone who joined with the code, together: reconnecting does not refill it. */
const PER_WORKSHOP_CODE = { capacity: 300, perSecond: 10 };
/** Submissions a whole workshop accepts per second, sustained, and in a burst (300 people answering at once). */
const PER_WORKSHOP = { capacity: 2_000, perSecond: 500 };

/**
 * How long a connection waits before each join attempt once it has sent wrong codes or invitations:
 * doubling from a quarter of a second up to eight seconds. Only that connection is slowed: nobody
 * else is ever refused, and a valid token never waits.
 */
export function wrongAttemptDelayMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(250 * 2 ** (failures - 1), 8_000);
}

type Ack = (answer: { ok: true; [k: string]: unknown } | { ok: false; error: { code: string; message: string } }) => void;
const fail = (code: string, message: string) => ({ ok: false as const, error: { code, message } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** What a joined connection holds: the workshop, and the token's id or that it joined with the code. */
type Joined = { workshopId: string; mode: 'token'; tokenId: string } | { workshopId: string; mode: 'code' };

const CLOSED_MESSAGE = 'This workshop has closed and no longer accepts answers. Thank you for taking part.';

/**
 * The anonymous participant channel: the Socket.IO namespace /workshop. It never reads the session
 * cookie (it deletes it from the handshake before anything else runs) and never logs or stores the
 * address or user agent. Participants redeem a personal invitation for a blind-signed token, and join
 * with that token (or, when the facilitator allows it, with the code alone). An answer is stored under
 * a key derived from the token and prompt, acknowledged only once durable, and reaches staff only in
 * a release. Screens follow the facilitator through room broadcasts.
 */
export class WorkshopHub {
  readonly ns: Namespace;
  /** The facilitator's coarse live counts. */
  readonly counts: CountsPublisher;
  private readonly perSocket = new RateLimiter(PER_SOCKET.capacity, PER_SOCKET.perSecond);
  private readonly perToken = new RateLimiter(PER_TOKEN.capacity, PER_TOKEN.perSecond);
  private readonly perWorkshopCode = new RateLimiter(PER_WORKSHOP_CODE.capacity, PER_WORKSHOP_CODE.perSecond);
  private readonly perWorkshop = new RateLimiter(PER_WORKSHOP.capacity, PER_WORKSHOP.perSecond);
  private readonly views: ParticipantViews;

  /** Creates the namespace and wires its events. */
  constructor(
    io: SocketIOServer,
    private readonly deps: {
      records: RecordStore;
      sync: SyncServer;
      responses: ResponseStore;
      issuer: TokenIssuer;
      log: Logger;
      publicOrigins: readonly string[];
      countsIntervalMs: number;
      /** Where the last pushed counts live (shared by every node on PostgreSQL). */
      countsSnapshots?: CountsSnapshotStore;
    },
  ) {
    this.ns = io.of('/workshop');
    this.views = new ParticipantViews(deps);
    this.counts = new CountsPublisher(
      {
        workshop: (id) => deps.records.get('workshops', id),
        responses: deps.responses,
        emit: (workshopId, counts) => this.emitCounts(workshopId, counts),
        ...(deps.countsSnapshots ? { snapshots: deps.countsSnapshots } : {}),
      },
      deps.countsIntervalMs,
    );
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
    let failures = 0;
    let joining = false;
    socket.once('disconnect', () => this.perSocket.forget(key));
    const guard = (event: string, schema: z.ZodType, handler: (payload: never, ack: Ack) => Promise<void>) => {
      socket.on(event, (payload: unknown, ack: unknown) => {
        const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => undefined;
        if (!this.perSocket.take(key)) return reply(fail('rate-limited', 'You are sending too quickly. Wait a moment and try again.'));
        if (hasForbiddenKey(payload)) return reply(fail('invalid', 'That message is not valid.'));
        const parsed = schema.safeParse(payload);
        if (!parsed.success) return reply(fail('invalid', `That message is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`));
        handler(parsed.data as never, reply).catch(() => {
          this.deps.log.error('workshop.handler-failed', { event });
          reply(fail('server', 'That could not be saved. Please try again.'));
        });
      });
    };
    /** Wrong codes and invitations slow this connection down, one attempt at a time; they never lock anyone out. */
    const slowly = async (reply: Ack, attempt: () => Promise<boolean>) => {
      if (joining) return reply(fail('busy', 'Still checking your last attempt. Wait a moment.'));
      joining = true;
      try {
        await sleep(wrongAttemptDelayMs(failures));
        if (!(await attempt())) failures += 1;
      } finally {
        joining = false;
      }
    };
    const enter = async (w: Workshop, joined: Joined, reply: Ack) => {
      for (const room of socket.rooms) if (room !== socket.id) await socket.leave(room);
      await socket.join(`p:${w.id}`);
      socket.data.joined = joined;
      reply({ ok: true, mode: joined.mode, view: await this.views.forJoin(w) });
    };

    guard('join', JoinPayloadSchema, async (p: z.infer<typeof JoinPayloadSchema>, reply) => {
      const live = (w: Workshop | undefined): w is Workshop => !!w && w.state.stage !== 'draft';
      if ('token' in p) {
        const w = await this.deps.records.get('workshops', p.workshopId);
        if (live(w) && w.state.stage === 'closed') return reply(fail('closed', CLOSED_MESSAGE));
        const tokenId = live(w) ? await this.deps.issuer.verify(w.id, p.token) : null;
        if (!w || !tokenId)
          return reply(fail('bad-token', 'This browser’s pass for the workshop is not valid. Open your invitation link again, or ask the lead reviewer for a new one.'));
        return enter(w, { workshopId: w.id, mode: 'token', tokenId }, reply);
      }
      await slowly(reply, async () => {
        const w = await this.deps.records.get('workshops', p.workshopId);
        if (live(w) && w.state.stage === 'closed' && w.joinCode === p.code) {
          reply(fail('closed', CLOSED_MESSAGE));
          return true;
        }
        if (!live(w) || w.joinCode !== p.code) {
          reply(fail('not-found', 'That workshop link or code is not right. Check the code with the lead reviewer.'));
          return false;
        }
        if (!w.codeJoining) {
          reply(fail('code-off', 'Joining with the code alone is switched off for this workshop. Use your personal invitation link from the lead reviewer.'));
          return true;
        }
        await enter(w, { workshopId: w.id, mode: 'code' }, reply);
        return true;
      });
    });

    // The short address (/join): a code alone finds its workshop. A wrong code slows this connection
    // down exactly as a wrong code on `join` does; nobody is ever locked out.
    guard('lookup', LookupPayloadSchema, async (p: z.infer<typeof LookupPayloadSchema>, reply) => {
      await slowly(reply, async () => {
        const matches = (await this.deps.records.find('workshops')).filter((w) => w.joinCode === p.code && w.state.stage !== 'draft');
        const w = matches.find((x) => x.state.stage !== 'closed');
        if (!w) {
          if (matches.length > 0) {
            reply(fail('closed', CLOSED_MESSAGE));
            return true;
          }
          reply(fail('not-found', 'That workshop code is not right. Check the code with the lead reviewer: it has 6 letters and numbers, for example K7M3QP.'));
          return false;
        }
        if (!w.codeJoining) {
          reply(fail('code-off', 'Joining with the code alone is switched off for this workshop. Use your personal invitation link from the lead reviewer.'));
          return true;
        }
        reply({ ok: true, workshopId: w.id });
        return true;
      });
    });

    guard('issuer-key', IssuerKeyPayloadSchema, async (p: z.infer<typeof IssuerKeyPayloadSchema>, reply) => {
      const w = await this.deps.records.get('workshops', p.workshopId);
      if (!w || w.state.stage === 'draft' || w.state.stage === 'closed') return reply(fail('not-found', 'That workshop link is not right, or the workshop has closed.'));
      reply({ ok: true, publicKey: await this.deps.issuer.publicKey(w.id), fingerprint: await this.deps.issuer.fingerprint(w.id) });
    });

    guard('redeem', RedeemPayloadSchema, async (p: z.infer<typeof RedeemPayloadSchema>, reply) => {
      await slowly(reply, async () => {
        const hash = sha256(p.invitation);
        // The check and the write are one step (records.update): one invitation gives one token,
        // however many ask at once. Its secret's hash goes with it.
        let invitationId: string | null = null;
        const refused = new Error('invitation');
        const marked = await this.deps.records
          .update('workshops', p.workshopId, (cur) => {
            const inv = cur.invitations.find((i) => i.secretHash === hash);
            if (!inv || cur.state.stage === 'draft' || cur.state.stage === 'closed') throw refused;
            invitationId = inv.id;
            return { ...cur, invitations: cur.invitations.map((i) => (i.id === inv.id ? { ...i, used: true, secretHash: null } : i)) };
          })
          .catch((err: unknown) => {
            if (err === refused) return undefined;
            throw err;
          });
        if (!marked || !invitationId) {
          reply(
            fail(
              'invitation-not-found',
              'This invitation link is not valid, has already been used, or the workshop has closed. If you used it in another browser, join from there; or ask the lead reviewer for a new link.',
            ),
          );
          return false;
        }
        let blindSignature: string;
        try {
          blindSignature = await this.deps.issuer.blindSign(marked.id, p.blindedMessage);
        } catch {
          // Nothing was signed: the invitation can be used again.
          const id = invitationId;
          await this.deps.records.update('workshops', marked.id, (cur) => ({
            ...cur,
            invitations: cur.invitations.map((i) => (i.id === id && i.secretHash === null ? { ...i, used: false, secretHash: hash } : i)),
          }));
          reply(fail('invalid', 'That request could not be signed. Open the invitation link again.'));
          return true;
        }
        reply({ ok: true, blindSignature });
        return true;
      });
    });

    /** The joined workshop and this connection's author, or null after replying why not. */
    const joined = async (reply: Ack, receipt: string | undefined, needsReceipt = true): Promise<{ w: Workshop; author: Author } | null> => {
      const j = socket.data.joined as Joined | undefined;
      const w = j ? await this.deps.records.get('workshops', j.workshopId) : undefined;
      if (!j || !w) {
        reply(fail('not-joined', 'Join the workshop first.'));
        return null;
      }
      if (w.state.stage === 'closed') {
        reply(fail('closed', CLOSED_MESSAGE));
        return null;
      }
      if (j.mode === 'code' && !w.codeJoining) {
        reply(fail('code-off', 'Joining with the code alone has been switched off. Use your personal invitation link.'));
        return null;
      }
      if (j.mode === 'code' && !receipt && needsReceipt) {
        reply(fail('invalid', 'That message is not valid: receipt is required.'));
        return null;
      }
      const limited = j.mode === 'token' ? !this.perToken.take(j.tokenId) : !this.perWorkshopCode.take(w.id);
      if (limited || !this.perWorkshop.take(w.id)) {
        reply(fail('rate-limited', 'Many answers are arriving at once. Try again in a moment.'));
        return null;
      }
      return { w, author: j.mode === 'token' ? { mode: 'token', tokenId: j.tokenId } : { mode: 'code', receipt: receipt ?? '' } };
    };
    const closedRace = (err: unknown, reply: Ack) => {
      if (err instanceof WorkshopClosedError) return reply(fail('closed', CLOSED_MESSAGE));
      throw err;
    };

    guard('respond', RespondPayloadSchema, async (p: z.infer<typeof RespondPayloadSchema>, reply) => {
      const ctx = await joined(reply, p.receipt);
      if (!ctx) return;
      if (!openPromptIds(ctx.w.setup, ctx.w.state).has(p.promptId)) return reply(fail('prompt-closed', 'That question is not open for answers now.'));
      // Mark that answers exist before the first is stored: a set-up save that lowers k checks this
      // flag and writes in one step (records.update), so once an answer exists k can only go up.
      if (!ctx.w.responsesExist) await this.deps.records.update('workshops', ctx.w.id, (cur) => (cur.responsesExist ? cur : { ...cur, responsesExist: true }));
      try {
        await this.deps.responses.respond(ctx.w.id, p.promptId, p.text, ctx.author);
      } catch (err) {
        return closedRace(err, reply);
      }
      reply({ ok: true });
      this.counts.changed(ctx.w.id);
    });

    guard('withdraw', WithdrawPayloadSchema, async (p: z.infer<typeof WithdrawPayloadSchema>, reply) => {
      const ctx = await joined(reply, p.receipt);
      if (!ctx) return;
      let done: boolean;
      try {
        done = await this.deps.responses.withdraw(ctx.w.id, p.promptId, ctx.author);
      } catch (err) {
        return closedRace(err, reply);
      }
      reply(done ? { ok: true } : fail('not-found', 'There is no answer of yours to withdraw.'));
      this.counts.changed(ctx.w.id);
    });

    guard('private-request', PrivateRequestPayloadSchema, async (p: z.infer<typeof PrivateRequestPayloadSchema>, reply) => {
      const ctx = await joined(reply, undefined, false);
      if (!ctx) return;
      // Worksheet 4 asks the question, so the request opens with it.
      if (!ctx.w.state.feedbackOpen) return reply(fail('prompt-closed', 'You can ask to speak privately once the feedback worksheet opens.'));
      await this.deps.responses.requestPrivate(ctx.w.id, p.contact);
      reply({ ok: true });
    });
  }

  /** Sends every participant screen of a workshop its new view (after a facilitator action). */
  async broadcast(w: Workshop): Promise<void> {
    this.ns.to(`p:${w.id}`).emit('view', await this.views.fresh(w));
    // Facilitators watching (review team, a second lead tab) follow the state too.
    this.ns.server.of('/').to(`f:${w.id}`).emit('workshop:state', { workshopId: w.id, state: w.state, setup: w.setup, responsesExist: w.responsesExist });
  }

  /** Tells the watching staff that prompts were released (their screens reload results and outcome). */
  released(workshopId: string, promptIds: readonly string[]): void {
    this.ns.server.of('/').to(`f:${workshopId}`).emit('workshop:released', { workshopId, promptIds });
  }

  /** Tells the watching staff that an answer was hidden or shown again (the presenter screen reloads). */
  moderated(workshopId: string): void {
    this.ns.server.of('/').to(`f:${workshopId}`).emit('workshop:moderated', { workshopId });
  }

  private emitCounts(workshopId: string, counts: Record<string, PromptCounts>): void {
    this.ns.server.of('/').to(`f:${workshopId}`).emit('workshop:counts', { workshopId, counts });
  }
}
