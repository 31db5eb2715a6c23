import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../utils/api.js';
import { addWorkingDays } from '../../../shared/calendar/index.js';
import { emptyTermsOfReference } from '../../../shared/lifecycle/index.js';
import { sampleRecord, startLifecycleFixture } from './lifecycleFixture.js';

/**
 * Issue 7 item 6: the Word exports through the real server. Each download is a valid .docx whose
 * word/document.xml carries the protective marking and the record's content with real names, whose
 * header and footer carry the marking, and whose properties name only the partnership. Only the lead
 * reviewer and review team may download, and every download is audited. One export is converted to
 * PDF by LibreOffice, headless, as a check that Word-compatible software opens it.
 */

let f: Awaited<ReturnType<typeof startLifecycleFixture>>;
let base: string;
let partnership: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-lifecycle-docx-'));

beforeAll(async () => {
  f = await startLifecycleFixture();
  base = `/api/reviews/${f.fx.reviewId}/lifecycle`;
  partnership = (await api(f.server.url, 'GET', '/api/lifecycle/settings', { cookie: f.fx.lead.cookie })).body.partnership;
  const { police, icb } = f.agencies;
  // Police and ICB only: the record and the letter must say it was not quorate.
  const content = sampleRecord([
    { name: 'DI Grace Police', role: 'Detective Inspector', agencyId: police },
    { name: 'Dr Ivan Health', role: 'Designated Doctor', agencyId: icb },
  ]);
  expect((await api(f.server.url, 'PUT', `${base}/rapid-review`, { cookie: f.fx.lead.cookie, body: { baseVersion: 0, content } })).status).toBe(200);
  const form = (await api(f.server.url, 'GET', `${base}/scoping/${police}`, { cookie: f.fx.author.cookie })).body.scoping.form;
  expect(
    (
      await api(f.server.url, 'PUT', `${base}/scoping/${police}/form`, {
        cookie: f.fx.author.cookie,
        body: { baseVersion: 0, form: { ...form, summaryOfInvolvement: 'Police attended 12 Larch Close twice.' } },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await api(f.server.url, 'PUT', `${base}/scoping/${police}/status`, {
        cookie: f.fx.author.cookie,
        body: { baseVersion: 1, status: 'returned', date: '09/11/2026' },
      })
    ).status,
  ).toBe(200);
  const tor = {
    ...emptyTermsOfReference(),
    childReference: 'Child T',
    keyLinesOfEnquiry: ['How was the voice of the child heard?', 'Was the risk from the new partner understood?'],
  };
  expect(
    (
      await api(f.server.url, 'PUT', `${base}/terms-of-reference`, {
        cookie: f.fx.team.cookie,
        body: { baseVersion: 0, content: tor, periodStart: '01/01/2025', periodEnd: '28/10/2026' },
      })
    ).status,
  ).toBe(200);
});
afterAll(async () => {
  await f?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const download = async (name: string, cookie: string) => {
  const res = await fetch(`${f.server.url}${base}/${name}`, { headers: { cookie } });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
};

/** The text of an XML part, tags removed, runs joined. */
const textOf = (xml: string) =>
  xml
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'");

/** Opens a .docx and checks the parts every lifecycle export must have; returns the body text. */
function openDocx(bytes: Uint8Array): { body: string; files: Record<string, Uint8Array> } {
  const files = unzipSync(bytes);
  const xml = strFromU8(files['word/document.xml']!);
  expect(xml.startsWith('<?xml')).toBe(true);
  expect(xml).toMatch(/<w:document[\s\S]*<w:body>[\s\S]*<\/w:body>[\s\S]*<\/w:document>$/);
  const body = textOf(xml);
  expect(body).toContain('OFFICIAL-SENSITIVE');
  const headers = Object.keys(files).filter((k) => /^word\/header\d*\.xml$/.test(k));
  const footers = Object.keys(files).filter((k) => /^word\/footer\d*\.xml$/.test(k));
  expect(headers.length).toBeGreaterThan(0);
  expect(footers.length).toBeGreaterThan(0);
  for (const part of [...headers, ...footers]) expect(textOf(strFromU8(files[part]!))).toContain('OFFICIAL-SENSITIVE');
  const core = strFromU8(files['docProps/core.xml']!);
  expect(core).toContain(`<dc:creator>${partnership}</dc:creator>`);
  expect(core).toContain(`<cp:lastModifiedBy>${partnership}</cp:lastModifiedBy>`);
  const app = strFromU8(files['docProps/app.xml']!);
  expect(app).not.toMatch(/<Company>|<Manager>/);
  for (const name of [f.fx.lead.name, f.fx.team.name, f.fx.lead.email]) expect(core + app).not.toContain(name);
  return { body, files };
}

describe('lifecycle Word exports', () => {
  it('only the lead reviewer and review team may download; refusals are 403 or 404 JSON', async () => {
    for (const name of ['rapid-review.docx', 'panel-letter.docx', 'terms-of-reference.docx']) {
      expect((await download(name, f.fx.observer.cookie)).status).toBe(403);
      expect((await download(name, f.fx.author.cookie)).status).toBe(403);
      expect((await download(name, f.fx.outsider.cookie)).status).toBe(404);
      const team = await download(name, f.fx.team.cookie);
      expect(team.status).toBe(200);
      expect(team.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(team.disposition).toBe(`attachment; filename="${name}"`);
    }
    const refused = await api(f.server.url, 'GET', `${base}/rapid-review.docx`, { cookie: f.fx.observer.cookie });
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('the Rapid Review template carries the record, the family table with real names, the quorum and the scoping returns', async () => {
    const res = await download('rapid-review.docx', f.fx.lead.cookie);
    expect(res.status).toBe(200);
    const { body } = openDocx(res.bytes);
    for (const want of [
      'Rapid Review',
      'Maisie Thornbury',
      'Kerry Thornbury (also known as Kez)',
      '12 Larch Close, Northby NB1 4QT',
      '14/03/2019',
      'DI Grace Police',
      'Detective Inspector',
      'Test Police',
      'Dr Ivan Health',
      'Olive Observer',
      'Ambulance service',
      'Not quorate: no participant from the local authority',
      'Maisie was taken to hospital with a head injury.',
      'Siblings placed with grandmother.',
      'Date of death or serious incident',
      '28/10/2026',
      '12/11/2026',
      'Learning about information sharing at weekends.',
      'How did agencies share information about the mother’s new partner?',
      'Potential for multi-agency learning.',
      'Ratified by the three partners by email.',
      'Independent Scrutineer Jo Marsh',
      'Test Police, returned 09/11/2026',
      'Police attended 12 Larch Close twice.',
    ])
      expect(body, want).toContain(want);
    // Ticked boxes: recommendation b and two criteria, and "Yes" for immediate action.
    expect(body).toContain('\u2612 b) Meets the criteria for a Local Child Safeguarding Practice Review');
    expect(body).toContain('\u2610 a) Meets the criteria for a national Child Safeguarding Practice Review');
    expect(body).toContain('\u2612 Highlights or may highlight recurrent themes');
    expect(body).toContain('\u2612 Yes');
    expect(body).toContain('\u2610 No');
  });

  it('the covering letter to the National Panel states the notification date, the quorum and the conclusion', async () => {
    const res = await download('panel-letter.docx', f.fx.lead.cookie);
    const { body } = openDocx(res.bytes);
    const review = (await api(f.server.url, 'GET', `/api/reviews/${f.fx.reviewId}`, { cookie: f.fx.lead.cookie })).body.review;
    const notified = review.referralDate.split('-').reverse().join('/');
    for (const want of [
      'Sanctuary Buildings',
      '20 Great Smith Street',
      'SW1P 3BT',
      'Dear Sir Test Chair,',
      'Decision of the Rapid Review of Child T (RR-2026-04)',
      `on ${notified} and have, therefore, undertaken a Rapid Review`,
      'did not include a representative from the local authority',
      'concluded that the case meets the criteria for a local Child Safeguarding Practice Review.',
      'The decision has been endorsed by Independent Scrutineer Jo Marsh.',
      'Pat Partnership',
      'Business Manager',
      partnership,
      'Enc: Rapid Review template',
    ])
      expect(body, want).toContain(want);
  });

  it('the terms of reference carry the period as DD/MM/YYYY and the key lines of enquiry', async () => {
    const { body } = openDocx((await download('terms-of-reference.docx', f.fx.team.cookie)).bytes);
    for (const want of [
      'Local Child Safeguarding Practice Review: Terms of Reference',
      'Child T',
      '01/01/2025 to 28/10/2026',
      '1.\tHow was the voice of the child heard?',
      '2.\tWas the risk from the new partner understood?',
      '9. Timeline and key dates',
    ])
      expect(body, want).toContain(want);
  });

  it('an agency’s scoping letter and form carry the family composition and the return date; only staff and that agency’s authors get it', async () => {
    const file = (agencyId: string) => `scoping/${agencyId}/letter-and-form.docx`;
    expect((await download(file(f.agencies.police), f.fx.observer.cookie)).status).toBe(403);
    expect((await download(file(f.agencies.police), f.fx.author2.cookie)).status).toBe(403);
    expect((await download(file(f.agencies.police), f.fx.outsider.cookie)).status).toBe(404);
    expect((await download(file(f.fx.otherReviewId), f.fx.lead.cookie)).status).toBe(404);
    expect((await download(file(f.agencies.icb), f.fx.team.cookie)).status).toBe(200);
    const res = await download(file(f.agencies.police), f.fx.author.cookie);
    expect(res.status).toBe(200);
    expect(res.disposition).toBe('attachment; filename="scoping-pol.docx"');
    const { body } = openDocx(res.bytes);
    const review = (await api(f.server.url, 'GET', `/api/reviews/${f.fx.reviewId}`, { cookie: f.fx.lead.cookie })).body.review;
    const due = addWorkingDays(review.referralDate, 5).split('-').reverse().join('/');
    for (const want of [
      'Dear Safeguarding Leads, Test Police,',
      `In this case this will be ${due}.`,
      'Section 1: Composition of the child’s family',
      'Maisie Thornbury',
      'Kerry Thornbury (also known as Kez)',
      '12 Larch Close, Northby NB1 4QT',
      '02/07/1996',
      'Police attended 12 Larch Close twice.',
      '01/01/2025 to 28/10/2026',
    ])
      expect(body, want).toContain(want);
  });

  it('audits every download with the export’s name and no case content', async () => {
    const reasons = (await f.auditLines()).filter((l) => l.type === 'export.downloaded' && l.reviewId === f.fx.reviewId).map((l) => l.reason);
    expect(new Set(reasons)).toEqual(new Set(['rapid-review-docx', 'panel-letter-docx', 'terms-of-reference-docx', 'scoping-docx']));
    const all = JSON.stringify(await f.auditLines());
    expect(all).not.toContain('Thornbury');
    expect(all).not.toContain('Larch Close');
  });

  it('LibreOffice converts the Rapid Review export to PDF without errors', async () => {
    const res = await download('rapid-review.docx', f.fx.lead.cookie);
    const file = path.join(tmp, 'rapid-review.docx');
    fs.writeFileSync(file, res.bytes);
    // Its own profile directory, so a LibreOffice started by anyone else on the machine cannot interfere.
    const profile = `file://${path.join(tmp, 'lo-profile')}`;
    const run = spawnSync('/usr/bin/soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file], {
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, HOME: tmp },
    });
    expect(run.error, String(run.error)).toBeUndefined();
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stderr).not.toMatch(/error/i);
    const pdf = fs.readFileSync(path.join(tmp, 'rapid-review.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 180_000);
});
