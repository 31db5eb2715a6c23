import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { VisibleResponse } from '../../shared/workshop/anonymity.js';
import { DurableJson } from './DurableJson.js';
import type { ResponseStore } from './types.js';

/**
 * A stored response: the words, a hash of its receipt (so its author can edit or withdraw it) and
 * whether the facilitator hid it. Deliberately nothing else: no participant or socket id, no IP
 * address, no user agent, no session, no time. Responses are keyed by a random slot id and listed in
 * slot order, so storage order says nothing about arrival order either.
 */
type StoredResponse = { text: string; receiptHash: string; hidden: boolean };
type ResponsesFile = { prompts: Record<string, Record<string, StoredResponse>> };
type PrivateFile = { requests: Record<string, { contact: string }> };

const hashReceipt = (receipt: string) => createHash('sha256').update(receipt).digest('hex');

/**
 * Anonymous workshop data, one folder per workshop under DATA_DIR/workshops, kept apart from records
 * so that nothing joins a response to an account. Private "speak to the lead reviewer" requests are a
 * separate file with their own random keys: no shared key and no timing link to any answer. Every
 * write is durable before the call resolves, so an acknowledged response is never lost.
 */
export class FileResponseStore implements ResponseStore {
  private readonly open = new Map<string, Promise<{ responses: DurableJson<ResponsesFile>; privates: DurableJson<PrivateFile> }>>();

  /** Creates the store rooted at `root`. */
  constructor(private readonly root: string) {}

  private files(workshopId: string) {
    let f = this.open.get(workshopId);
    if (!f) {
      f = (async () => {
        const dir = path.join(this.root, workshopId);
        await fs.mkdir(dir, { recursive: true, mode: 0o700 });
        return {
          responses: await DurableJson.open<ResponsesFile>(path.join(dir, 'responses.json'), { prompts: {} }),
          privates: await DurableJson.open<PrivateFile>(path.join(dir, 'private-requests.json'), { requests: {} }),
        };
      })();
      this.open.set(workshopId, f);
    }
    return f;
  }

  /** Stores or replaces (same receipt) a response; resolves once durable. */
  async respond(workshopId: string, promptId: string, text: string, receipt: string): Promise<void> {
    const { responses } = await this.files(workshopId);
    const receiptHash = hashReceipt(receipt);
    const slot = randomBytes(12).toString('hex');
    await responses.update((data) => {
      const prompt = (data.prompts[promptId] ??= {});
      const existing = Object.entries(prompt).find(([, r]) => r.receiptHash === receiptHash);
      if (existing) existing[1].text = text;
      else {
        prompt[slot] = { text, receiptHash, hidden: false };
        // JavaScript objects keep insertion order, and JSON.stringify writes it: re-sort by the random
        // slot so the file's order is random too, not the order in which answers arrived.
        data.prompts[promptId] = Object.fromEntries(Object.entries(prompt).sort(([a], [b]) => a.localeCompare(b)));
      }
    });
  }

  /** Withdraws the response with this receipt; false if there is none. */
  async withdraw(workshopId: string, promptId: string, receipt: string): Promise<boolean> {
    const { responses } = await this.files(workshopId);
    const receiptHash = hashReceipt(receipt);
    return responses.update((data) => {
      const prompt = data.prompts[promptId] ?? {};
      const slot = Object.keys(prompt).find((s) => prompt[s]!.receiptHash === receiptHash);
      if (!slot) return false;
      delete prompt[slot];
      return true;
    });
  }

  /** Responses to one prompt in slot (random) order, including hidden ones, without receipts. */
  async list(workshopId: string, promptId: string): Promise<VisibleResponse[]> {
    const { responses } = await this.files(workshopId);
    return Object.entries(responses.data.prompts[promptId] ?? {}).sort(([a], [b]) => a.localeCompare(b))
      .map(([slot, r]) => ({ slot, text: r.text, hidden: r.hidden }));
  }

  /** Counts per prompt, hidden ones included (hiding is moderation, not withdrawal), for the facilitator's progress display. */
  async counts(workshopId: string): Promise<Record<string, number>> {
    const { responses } = await this.files(workshopId);
    return Object.fromEntries(Object.entries(responses.data.prompts).map(([p, rs]) => [p, Object.keys(rs).length]));
  }

  /** Hides or shows a response (moderation); the words themselves are never changed. */
  async setHidden(workshopId: string, promptId: string, slot: string, hidden: boolean): Promise<boolean> {
    const { responses } = await this.files(workshopId);
    return responses.update((data) => {
      const r = data.prompts[promptId]?.[slot];
      if (!r) return false;
      r.hidden = hidden;
      return true;
    });
  }

  /** Stores a private request; resolves once durable. */
  async requestPrivate(workshopId: string, contact: string): Promise<void> {
    const { privates } = await this.files(workshopId);
    const key = randomBytes(12).toString('hex');
    await privates.update((data) => {
      data.requests[key] = { contact };
      data.requests = Object.fromEntries(Object.entries(data.requests).sort(([a], [b]) => a.localeCompare(b)));
    });
  }

  /** Private requests in random-key order. */
  async privateRequests(workshopId: string): Promise<{ contact: string }[]> {
    const { privates } = await this.files(workshopId);
    return Object.keys(privates.data.requests).sort().map((k) => privates.data.requests[k]!);
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
