import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { shuffle, type JoinMode } from '../../shared/workshop/anonymity.js';
import { DurableJson } from './DurableJson.js';
import { WorkshopClosedError } from './errors.js';
import type { Author, CurrentRelease, ResponseStore } from './types.js';

/**
 * A stored answer: the words, the key its author can replace or withdraw it by, the join mode, and
 * whether the facilitator hid it. Deliberately nothing else: no participant or socket id, no address,
 * no user agent, no session, no time. The key is a hash of the token and the prompt (so one person's
 * answers to two prompts share nothing) or of a receipt. Keys and modes are erased when the workshop closes.
 */
type StoredAnswer = { text: string; key: string | null; mode: JoinMode | null; hidden: boolean };

/** One answer of a release: its release-local id, the internal slot it was taken from, and its words then. */
type ReleaseItem = { id: string; slot: string; text: string; hidden: boolean };

/** A release: a snapshot of a prompt's answers in a fresh random order under fresh ids. */
type StoredRelease = { id: string; items: ReleaseItem[]; fromInvitations: number; fromCode: number; codeCounted: boolean };

type ResponsesFile = {
  prompts: Record<string, Record<string, StoredAnswer>>;
  releases?: Record<string, StoredRelease>;
  /** Set when the workshop closes: nothing more is accepted, and keys, modes and slot maps are gone once finalised. */
  closed?: boolean;
};
type PrivateFile = { requests: Record<string, { contact: string }> };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSlot = () => randomBytes(12).toString('hex');
/** The key an answer is replaced and withdrawn by: per prompt for a token, per answer for a receipt. */
function authorKey(promptId: string, a: Author): string {
  return a.mode === 'token' ? sha256(`token\0${a.tokenId}\0${promptId}`) : sha256(`receipt\0${a.receipt}`);
}
/**
 * Objects keep insertion order and JSON keeps it too: sorting by random keys makes file order random.
 * Code-unit order, not localeCompare: the keys are random hex, and this runs for every answer stored.
 */
const sortByKey = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
/** Whether an object's keys are already in sorted order (then it need not be rebuilt). */
const sortedKeys = (o: object): boolean => Object.keys(o).every((k, i, ks) => i === 0 || ks[i - 1]! < k);
/**
 * Puts every prompt's answers and the private requests in key order, once per write rather than once
 * per answer: a burst of answers shares one write (group commit), so it also shares one sort.
 */
function inKeyOrder<T extends { prompts?: Record<string, Record<string, unknown>>; requests?: Record<string, unknown> }>(data: T): void {
  for (const [p, answers] of Object.entries(data.prompts ?? {})) if (!sortedKeys(answers)) data.prompts![p] = sortByKey(answers);
  if (data.requests && !sortedKeys(data.requests)) data.requests = sortByKey(data.requests);
}

/**
 * Anonymous workshop data, one folder per workshop under DATA_DIR/workshops, kept apart from records
 * so that nothing joins an answer to an account. Staff never read answers directly: they read the
 * prompt's current release, a snapshot taken when the facilitator releases the prompt or its phase
 * ends, in a fresh random order under fresh ids, so two listings never show an answer arriving or
 * changing. Private requests are a separate file with their own random keys. Every write is durable
 * before the call resolves, so an acknowledged answer is never lost.
 */
export class FileResponseStore implements ResponseStore {
  private readonly open = new Map<string, Promise<{ responses: DurableJson<ResponsesFile>; privates: DurableJson<PrivateFile> }>>();

  /** Creates the store rooted at `root`; `random` orders releases and private requests. */
  constructor(
    private readonly root: string,
    private readonly random: () => number = Math.random,
  ) {}

  private files(workshopId: string) {
    let f = this.open.get(workshopId);
    if (!f) {
      f = (async () => {
        const dir = path.join(this.root, workshopId);
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        return {
          responses: await DurableJson.open<ResponsesFile>(path.join(dir, 'responses.json'), { prompts: {}, releases: {} }, inKeyOrder),
          privates: await DurableJson.open<PrivateFile>(path.join(dir, 'private-requests.json'), { requests: {} }, inKeyOrder),
        };
      })();
      this.open.set(workshopId, f);
    }
    return f;
  }

  /** Stores or replaces (same author key) an answer; resolves once durable. An edit takes a new slot and comes back unhidden, like any new answer. */
  async respond(workshopId: string, promptId: string, text: string, author: Author): Promise<void> {
    const { responses } = await this.files(workshopId);
    const key = authorKey(promptId, author);
    const slot = newSlot();
    await responses.update((data) => {
      if (data.closed) throw new WorkshopClosedError();
      const prompt = data.prompts[promptId] ?? {};
      data.prompts[promptId] = prompt;
      const existing = Object.keys(prompt).find((s) => prompt[s]!.key === key);
      if (existing) delete prompt[existing];
      prompt[slot] = { text, key, mode: author.mode, hidden: false };
    });
  }

  /** Withdraws the author's answer to a prompt; false if there is none. */
  async withdraw(workshopId: string, promptId: string, author: Author): Promise<boolean> {
    const { responses } = await this.files(workshopId);
    const key = authorKey(promptId, author);
    return responses.update((data) => {
      if (data.closed) throw new WorkshopClosedError();
      const prompt = data.prompts[promptId] ?? {};
      const slot = Object.keys(prompt).find((s) => prompt[s]!.key === key);
      if (!slot) return false;
      delete prompt[slot];
      return true;
    });
  }

  /** Live answers per prompt and join mode. */
  async tally(workshopId: string): Promise<Record<string, { token: number; code: number }>> {
    const { responses } = await this.files(workshopId);
    const out: Record<string, { token: number; code: number }> = {};
    for (const [p, answers] of Object.entries(responses.data.prompts)) {
      const t = { token: 0, code: 0 };
      for (const a of Object.values(answers)) t[a.mode === 'code' ? 'code' : 'token'] += 1;
      out[p] = t;
    }
    return out;
  }

  /** A new release of a prompt: every answer now, in a fresh random order under fresh ids. */
  async release(workshopId: string, promptId: string, codeCounted: boolean): Promise<{ renamed: Map<string, string> }> {
    const { responses } = await this.files(workshopId);
    return responses.update((data) => {
      const answers = Object.entries(data.prompts[promptId] ?? {});
      const items = shuffle(
        answers.map(([slot, a]) => ({ id: newSlot(), slot, text: a.text, hidden: a.hidden })),
        this.random,
      );
      const bySlot = new Map(items.map((i) => [i.slot, i.id]));
      const renamed = new Map<string, string>();
      const releases = data.releases ?? {};
      data.releases = releases;
      for (const old of releases[promptId]?.items ?? []) {
        const now = bySlot.get(old.slot);
        if (now) renamed.set(old.id, now);
      }
      releases[promptId] = {
        id: newSlot(),
        items,
        fromInvitations: answers.filter(([, a]) => a.mode !== 'code').length,
        fromCode: answers.filter(([, a]) => a.mode === 'code').length,
        codeCounted,
      };
      return { renamed };
    });
  }

  /** The current release of a prompt, or null before its first. */
  async currentRelease(workshopId: string, promptId: string): Promise<CurrentRelease | null> {
    const { responses } = await this.files(workshopId);
    const r = responses.data.releases?.[promptId];
    if (!r) return null;
    return {
      id: r.id,
      responses: r.items.map((i) => ({ id: i.id, text: i.text, hidden: i.hidden })),
      fromInvitations: r.fromInvitations,
      fromCode: r.fromCode,
      codeCounted: r.codeCounted,
    };
  }

  /** Hides or shows an answer of the current release (moderation); it stays hidden in later releases. */
  async setHidden(workshopId: string, promptId: string, releasedId: string, hidden: boolean): Promise<boolean> {
    const { responses } = await this.files(workshopId);
    return responses.update((data) => {
      const item = data.releases?.[promptId]?.items.find((i) => i.id === releasedId);
      if (!item) return false;
      item.hidden = hidden;
      const answer = data.prompts[promptId]?.[item.slot];
      if (answer) answer.hidden = hidden;
      return true;
    });
  }

  /** Refuses every later answer or withdrawal (the first step of closing). */
  async seal(workshopId: string): Promise<void> {
    const { responses } = await this.files(workshopId);
    await responses.update((data) => {
      data.closed = true;
    });
  }

  /**
   * The last step of closing: every answer gets a new random id and loses its key and join mode, and
   * each release is rewritten onto the new ids so no slot map is kept. Returns, per prompt, how the
   * current release's ids map onto the final ones (for outcome marks).
   */
  async finalise(workshopId: string): Promise<Map<string, Map<string, string>>> {
    const { responses } = await this.files(workshopId);
    return responses.update((data) => {
      const renames = new Map<string, Map<string, string>>();
      const prompts: ResponsesFile['prompts'] = {};
      const releases: Record<string, StoredRelease> = {};
      for (const [promptId, answers] of Object.entries(data.prompts)) {
        const finalOf = new Map<string, string>();
        const out: Record<string, StoredAnswer> = {};
        for (const [slot, a] of Object.entries(answers)) {
          const id = newSlot();
          finalOf.set(slot, id);
          out[id] = { text: a.text, key: null, mode: null, hidden: a.hidden };
        }
        prompts[promptId] = sortByKey(out);
        const r = data.releases?.[promptId];
        if (!r) continue;
        const renamed = new Map<string, string>();
        const items: ReleaseItem[] = [];
        for (const i of r.items) {
          const id = finalOf.get(i.slot);
          if (!id) continue;
          renamed.set(i.id, id);
          items.push({ id, slot: id, text: out[id]!.text, hidden: out[id]!.hidden });
        }
        releases[promptId] = { ...r, id: newSlot(), items };
        renames.set(promptId, renamed);
      }
      data.prompts = prompts;
      data.releases = releases;
      data.closed = true;
      return renames;
    });
  }

  /** Stores a private request; resolves once durable. */
  async requestPrivate(workshopId: string, contact: string): Promise<void> {
    const { privates } = await this.files(workshopId);
    const key = newSlot();
    await privates.update((data) => {
      data.requests[key] = { contact };
    });
  }

  /** Private requests in a fresh random order. */
  async privateRequests(workshopId: string): Promise<{ contact: string }[]> {
    const { privates } = await this.files(workshopId);
    return shuffle(
      Object.values(privates.data.requests).map((r) => ({ contact: r.contact })),
      this.random,
    );
  }

  /** Waits for every pending write. */
  async close(): Promise<void> {
    for (const f of this.open.values()) {
      const { responses, privates } = await f;
      await responses.idle();
      await privates.idle();
    }
  }
}
