import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChronologyRow } from '../../utils/chronologyRows.js';
import { api } from '../../utils/api.js';
import { createReviewWithMembers, inviteAndAccept, type Actor } from '../../utils/factories.js';
import { startTestServer } from '../../utils/testServer.js';

/**
 * The evidence API end to end over HTTP with real accounts: request, start, endorse by the agency's
 * own senior lead, submit, query, answer, return, resubmit, resolve, accept, and a key theme linked
 * to the answer. Every role's access is checked along the way.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: Awaited<ReturnType<typeof createReviewWithMembers>>;
let senior: Actor;
let police: string;
let icb: string;
const base = () => `/api/reviews/${fx.reviewId}/evidence`;
const call = (who: Actor, method: string, p: string, body?: unknown) => api(server.url, method, `${base()}${p}`, { cookie: who.cookie, body });

beforeAll(async () => {
  server = await startTestServer();
  fx = await createReviewWithMembers(server.url);
  police = fx.agencies[0]!.id;
  icb = fx.agencies[1]!.id;
  senior = await inviteAndAccept(server.url, fx.lead.cookie, fx.reviewId, 'agency-author', police);
  await seedChronologyRow(server.deps.sync, fx.reviewId, icb, { entryId: 'entry-icb-00000000001', changeId: 'change-icb-000000000001' });
});
afterAll(async () => {
  await server.close();
});

// Read through the audit log itself, so the same test holds on both backends (a file, or PostgreSQL rows).
const auditTypes = async () => (await server.deps.audit.lines()) as unknown as { type: string; reason?: string }[];

describe('evidence requests, sign-off, queries and themes', () => {
  it('names a senior lead (lead reviewer only, agency authors only)', async () => {
    const members = (await api(server.url, 'GET', `/api/reviews/${fx.reviewId}/members`, { cookie: fx.lead.cookie })).body.members as { id: string; userId: string }[];
    const mid = (u: Actor) => members.find((m) => m.userId === u.userId)!.id;
    expect((await call(fx.team, 'PUT', `/senior-leads/${mid(senior)}`, { designation: 'Head of Safeguarding' })).status).toBe(403);
    expect((await call(fx.lead, 'PUT', `/senior-leads/${mid(fx.observer)}`, { designation: 'Chief' })).status).toBe(409);
    expect((await call(fx.lead, 'PUT', `/senior-leads/${mid(senior)}`, { designation: '' })).status).toBe(400);
    const ok = await call(fx.lead, 'PUT', `/senior-leads/${mid(senior)}`, { designation: 'Head of Safeguarding' });
    expect(ok.status).toBe(200);
    expect(ok.body.seniorLead).toEqual({ designation: 'Head of Safeguarding' });
  });

  let templateId = '';
  let version = 0;

  it('sends requests due in working days; only the review team may', async () => {
    expect((await call(fx.author, 'POST', '/requests', { agencyIds: [police], kinds: ['learning-template'] })).status).toBe(403);
    expect((await call(fx.observer, 'POST', '/requests', { agencyIds: [police], kinds: ['learning-template'] })).status).toBe(403);
    expect((await call(fx.team, 'POST', '/requests', { agencyIds: ['nope'], kinds: ['learning-template'] })).status).toBe(400);
    expect((await call(fx.team, 'POST', '/requests', { agencyIds: [fx.otherReviewId.padEnd(20, 'x').slice(0, 20)], kinds: ['learning-template'] })).status).toBe(400);
    const r = await call(fx.team, 'POST', '/requests', { agencyIds: [police, icb], kinds: ['key-events-chronology', 'learning-template'], sentOn: '02/11/2026', workingDays: 20 });
    expect(r.status).toBe(201);
    expect(r.body.created).toHaveLength(4);
    const t = r.body.created.find((x: { agencyId: string; kind: string }) => x.agencyId === police && x.kind === 'learning-template');
    expect(t).toMatchObject({ status: 'requested', sentOn: '2026-11-02', dueOn: '2026-11-30', endorsement: null });
    templateId = t.id;
    version = t.version;
    const again = await call(fx.team, 'POST', '/requests', { agencyIds: [police], kinds: ['learning-template'] });
    expect(again.status).toBe(200);
    expect(again.body.existing[0].id).toBe(templateId);
  });

  it('shows agency authors only their own agency’s requests, and the dashboard milestones overdue in words', async () => {
    const mine = (await call(fx.author, 'GET', '')).body;
    expect(mine.requests.every((x: { agencyId: string }) => x.agencyId === police)).toBe(true);
    expect(mine.agencies.map((a: { id: string }) => a.id)).toEqual([police]);
    expect(mine.waiting.some((w: { kind: string; requestId?: string }) => w.kind === 'request' && w.requestId === templateId)).toBe(true);
    const all = (await call(fx.observer, 'GET', '')).body;
    expect(all.requests).toHaveLength(4);
    // Sent 02/11/2026, due 30/11/2026: today is after that, so every request is overdue.
    expect(all.milestones[0]).toMatchObject({ status: 'overdue' });
    expect(all.requests[0].deadline.phrase).toMatch(/working days? overdue/);
    expect((await call(fx.author2, 'POST', `/requests/${templateId}/actions`, { action: 'start', baseVersion: version })).status).toBe(404);
    // Each request is a milestone on the dashboard too: overdue, counted per member's visible agencies.
    const dash = (u: Actor) => api(server.url, 'GET', '/api/lifecycle/dashboard', { cookie: u.cookie });
    const row = (await dash(fx.author)).body.rows.find((r: { reviewId: string }) => r.reviewId === fx.reviewId);
    expect(row.evidence).toMatchObject({ total: 2, overdueCount: 2, next: { status: 'overdue', due: '2026-11-30' } });
    expect(row.evidence.next.label).toMatch(/^Test Police: /);
    expect((await dash(fx.team)).body.rows.find((r: { reviewId: string }) => r.reviewId === fx.reviewId).evidence.total).toBe(4);
  });

  it('needs the agency’s own senior lead to endorse before submission', async () => {
    let r = await call(fx.author, 'POST', `/requests/${templateId}/actions`, { action: 'start', baseVersion: version });
    expect(r.status).toBe(200);
    version = r.body.version;
    expect(r.body.status).toBe('in-progress');
    r = await call(fx.author, 'POST', `/requests/${templateId}/actions`, { action: 'submit', baseVersion: version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('not-endorsed');
    expect((await call(fx.author, 'POST', `/requests/${templateId}/actions`, { action: 'endorse', baseVersion: version })).status).toBe(403);
    expect((await call(fx.team, 'POST', `/requests/${templateId}/actions`, { action: 'endorse', baseVersion: version })).status).toBe(403);
    r = await call(senior, 'POST', `/requests/${templateId}/actions`, { action: 'endorse', baseVersion: version });
    expect(r.status).toBe(200);
    expect(r.body.endorsement).toMatchObject({ name: senior.name, designation: 'Head of Safeguarding' });
    version = r.body.version;
    expect((await call(fx.author, 'POST', `/requests/${templateId}/actions`, { action: 'submit', baseVersion: version - 1 })).status).toBe(409);
    r = await call(fx.author, 'POST', `/requests/${templateId}/actions`, { action: 'submit', baseVersion: version });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('submitted');
    version = r.body.version;
  });

  let queryId = '';
  let answerId = '';

  it('runs a query thread; open queries block acceptance; other agencies never see it', async () => {
    const target = { kind: 'template-section', section: 'kloe-1' };
    expect((await call(fx.author, 'POST', '/queries', { agencyId: police, target, text: 'Why?' })).status).toBe(403);
    let r = await call(fx.team, 'POST', '/queries', { agencyId: police, target, text: 'Was the child seen alone at the September visit?' });
    expect(r.status).toBe(201);
    queryId = r.body.id;
    r = await call(fx.lead, 'POST', `/requests/${templateId}/actions`, { action: 'accept', baseVersion: version });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('open-queries');
    expect((await call(fx.author2, 'GET', '/queries')).body.queries).toEqual([]);
    expect((await call(fx.author2, 'POST', `/queries/${queryId}/messages`, { text: 'Not mine' })).status).toBe(404);
    const waiting = (await call(fx.author, 'GET', '')).body.waiting;
    expect(waiting.some((w: { kind: string; queryId?: string }) => w.kind === 'query' && w.queryId === queryId)).toBe(true);
    r = await call(fx.author, 'POST', `/queries/${queryId}/messages`, { text: 'No: the record shows the child was seen with her mother.' });
    expect(r.body.status).toBe('answered');
    answerId = r.body.messages[1].id;
    expect((await call(fx.author, 'PUT', `/queries/${queryId}/resolution`, { resolved: true })).status).toBe(403);
    const badges = (await call(fx.team, 'GET', `/queries?agencyId=${police}`)).body.badges;
    expect(badges['template:kloe-1']).toEqual({ unresolved: 1, waitingForAgency: 0 });
  });

  it('returns with reasons, and resubmission needs a fresh endorsement', async () => {
    expect((await call(fx.team, 'POST', `/requests/${templateId}/actions`, { action: 'return', baseVersion: version })).status).toBe(400);
    let r = await call(fx.team, 'POST', `/requests/${templateId}/actions`, { action: 'return', reason: 'Please add the analysis for key line 2.', baseVersion: version });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'returned', endorsement: null });
    expect(r.body.history.at(-1)).toMatchObject({ action: 'return', status: 'returned', reason: 'Please add the analysis for key line 2.' });
    version = r.body.version;
    r = await call(senior, 'POST', `/requests/${templateId}/actions`, { action: 'endorse', baseVersion: version });
    version = r.body.version;
    r = await call(fx.author, 'POST', `/requests/${templateId}/actions`, { action: 'submit', baseVersion: version });
    expect(r.body.status).toBe('submitted');
    version = r.body.version;
  });

  it('accepts once the queries are resolved, with every step dated', async () => {
    expect((await call(fx.team, 'PUT', `/queries/${queryId}/resolution`, { resolved: true })).body.status).toBe('resolved');
    expect((await call(fx.observer, 'POST', `/requests/${templateId}/actions`, { action: 'accept', baseVersion: version })).status).toBe(403);
    const r = await call(fx.lead, 'POST', `/requests/${templateId}/actions`, { action: 'accept', baseVersion: version });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('accepted');
    expect(r.body.history.map((h: { action: string }) => h.action)).toEqual(['request', 'start', 'endorse', 'submit', 'return', 'endorse', 'submit', 'accept']);
    expect(r.body.history.every((h: { on: string }) => /^\d{4}-\d{2}-\d{2}$/.test(h.on))).toBe(true);
    const seen = (await call(fx.author, 'GET', '')).body.requests.find((x: { id: string }) => x.id === templateId);
    expect(seen.status).toBe('accepted');
    const audited = (await auditTypes()).filter((l) => l.type === 'evidence.state-changed').map((l) => l.reason);
    expect(audited).toEqual(['start', 'endorse', 'submit', 'return', 'endorse', 'submit', 'accept']);
  });

  it('records key themes linked to evidence; agency authors cannot read them', async () => {
    const body = {
      title: 'Hearing the child',
      summary: 'Whether practitioners saw the child alone.',
      evidence: [
        { kind: 'template-analysis', agencyId: police, section: 'kloe-1' },
        { kind: 'query-answer', queryId, messageId: answerId },
      ],
    };
    expect((await call(fx.author, 'POST', '/themes', body)).status).toBe(403);
    expect((await call(fx.team, 'POST', '/themes', { ...body, evidence: [{ kind: 'query-answer', queryId, messageId: queryId }] })).status).toBe(400);
    const r = await call(fx.team, 'POST', '/themes', body);
    expect(r.status).toBe(201);
    expect((await call(fx.observer, 'GET', '/themes')).body.themes.map((t: { title: string }) => t.title)).toEqual(['Hearing the child']);
    expect((await call(fx.author, 'GET', '/themes')).status).toBe(403);
    const u = await call(fx.lead, 'PUT', `/themes/${r.body.id}`, { ...body, title: 'Hearing the child’s voice', baseVersion: 1 });
    expect(u.body).toMatchObject({ title: 'Hearing the child’s voice', version: 2 });
    expect((await call(fx.lead, 'PUT', `/themes/${r.body.id}`, { ...body, baseVersion: 1 })).status).toBe(409);
  });

  it('keeps query text and reasons out of the audit log, and outsiders out entirely', async () => {
    const log = JSON.stringify(await server.deps.audit.lines());
    expect(log).not.toContain('September visit');
    expect(log).not.toContain('key line 2');
    expect((await call(fx.outsider, 'GET', '')).status).toBe(404);
    expect((await call(fx.outsider, 'GET', '/queries')).status).toBe(404);
  });
  it('lets any review-team member query another agency’s organisational change; only that agency answers; observers read', async () => {
    const target = { kind: 'org-change', changeId: 'change-icb-000000000001' };
    // A thread can only hang off a row or change the agency's chronology holds: a made-up id is refused, storing nothing.
    const before = (await call(fx.team, 'GET', '/queries')).body.queries.length;
    const ghost = await call(fx.team, 'POST', '/queries', { agencyId: icb, target: { kind: 'org-change', changeId: 'change-icb-000000000099' }, text: 'Why?' });
    expect(ghost.status).toBe(404);
    expect((await call(fx.team, 'POST', '/queries', { agencyId: police, target, text: 'Why?' })).status).toBe(404);
    expect((await call(fx.team, 'POST', '/queries', { agencyId: icb, target: { kind: 'chronology-row', entryId: 'entry-icb-00000000099' }, text: 'Why?' })).status).toBe(404);
    expect((await call(fx.team, 'GET', '/queries')).body.queries.length).toBe(before);
    expect((await call(fx.observer, 'POST', '/queries', { agencyId: icb, target, text: 'Why?' })).status).toBe(403);
    expect((await call(fx.author, 'POST', '/queries', { agencyId: icb, target, text: 'Why?' })).status).toBe(403);
    let r = await call(fx.team, 'POST', '/queries', { agencyId: icb, target, text: 'How did the health visiting restructure affect caseloads?' });
    expect(r.status).toBe(201);
    const id = r.body.id as string;
    // The police author neither sees nor answers the ICB's thread; the observer sees it but cannot reply or resolve.
    expect((await call(fx.author, 'GET', '/queries')).body.queries.some((x: { id: string }) => x.id === id)).toBe(false);
    expect((await call(fx.author, 'POST', `/queries/${id}/messages`, { text: 'Not ours' })).status).toBe(404);
    expect((await call(fx.observer, 'GET', '/queries')).body.queries.some((x: { id: string }) => x.id === id)).toBe(true);
    expect((await call(fx.observer, 'POST', `/queries/${id}/messages`, { text: 'Observed' })).status).toBe(403);
    expect((await call(fx.observer, 'PUT', `/queries/${id}/resolution`, { resolved: true })).status).toBe(403);
    const waiting = (await call(fx.author2, 'GET', '')).body.waiting as { kind: string; queryId?: string }[];
    expect(waiting.some((w) => w.kind === 'query' && w.queryId === id)).toBe(true);
    r = await call(fx.author2, 'POST', `/queries/${id}/messages`, { text: 'Caseloads rose by a third for six months.' });
    expect(r.body).toMatchObject({ status: 'answered' });
    expect((await call(fx.author2, 'GET', `/queries?agencyId=${icb}`)).body.badges['change:change-icb-000000000001']).toEqual({ unresolved: 1, waitingForAgency: 0 });
    expect((await call(fx.team, 'PUT', `/queries/${id}/resolution`, { resolved: true })).body.status).toBe('resolved');
    expect((await call(fx.author2, 'GET', '')).body.waiting.some((w: { queryId?: string }) => w.queryId === id)).toBe(false);
  });

  it('edits, unlinks and deletes key themes: review team only', async () => {
    const body = { title: 'Caseload pressure', summary: '', evidence: [{ kind: 'chronology-row', agencyId: icb, entryId: 'entry-icb-00000000001' }] };
    const made = await call(fx.team, 'POST', '/themes', body);
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    const unlinked = await call(fx.team, 'PUT', `/themes/${id}`, { ...body, evidence: [], baseVersion: 1 });
    expect(unlinked.body).toMatchObject({ evidence: [], version: 2 });
    expect((await call(fx.observer, 'PUT', `/themes/${id}`, { ...body, baseVersion: 2 })).status).toBe(403);
    expect((await call(fx.author, 'DELETE', `/themes/${id}`, {})).status).toBe(403);
    expect((await call(fx.observer, 'DELETE', `/themes/${id}`, {})).status).toBe(403);
    expect((await call(fx.team, 'DELETE', `/themes/${id}`, {})).status).toBe(204);
    expect((await call(fx.team, 'DELETE', `/themes/${id}`, {})).status).toBe(404);
    expect((await call(fx.observer, 'GET', '/themes')).body.themes.map((t: { id: string }) => t.id)).not.toContain(id);
  });
});
