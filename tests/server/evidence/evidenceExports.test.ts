import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedChronologyRow } from '../../utils/chronologyRows.js';
import { api } from '../../utils/api.js';
import { openDoc, synced, until } from '../../utils/yjsClient.js';
import { emptyTermsOfReference } from '../../../shared/lifecycle/index.js';
import { REPORT_SECTIONS, TEMPLATE_BLOCK, TEMPLATE_SECTION_1, writeSection } from '../../../shared/evidence/index.js';
import { startLifecycleFixture } from '../lifecycle/lifecycleFixture.js';

/**
 * The evidence Word exports through the real server: request letters (Documents 11 and 15) with the
 * case summary, period and key lines of enquiry; each agency's learning template and information
 * report as named OFFICIAL-SENSITIVE copies filled from the agency's live document; the zip pack with
 * the integrated chronology. Query threads never appear in any of them, and LibreOffice opens every one.
 */

let f: Awaited<ReturnType<typeof startLifecycleFixture>>;
let base: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-evidence-docx-'));

beforeAll(async () => {
  f = await startLifecycleFixture();
  const { police, icb } = f.agencies;
  const url = f.server.url;
  await seedChronologyRow(f.server.deps.sync, f.fx.reviewId, police, { entryId: 'entry-pol-00000000001', changeId: 'change-pol-0000000001' });
  base = `/api/reviews/${f.fx.reviewId}/evidence`;
  const tor = {
    ...emptyTermsOfReference(),
    childReference: 'Maisie',
    incidentSummary: 'Maisie was admitted to hospital with a head injury.',
    familyInformation: 'Maisie lives with her mother Kerry.',
    leadReviewerName: 'Dr Rowan Reviewer',
    keyLinesOfEnquiry: ['How was the voice of the child heard?', 'Was the risk from the new partner understood?'],
  };
  expect(
    (
      await api(url, 'PUT', `/api/reviews/${f.fx.reviewId}/lifecycle/terms-of-reference`, {
        cookie: f.fx.team.cookie,
        body: { baseVersion: 0, content: tor, periodStart: '01/01/2025', periodEnd: '28/10/2026' },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await api(url, 'POST', `${base}/requests`, {
        cookie: f.fx.team.cookie,
        body: {
          agencyIds: [police, icb],
          kinds: ['key-events-chronology', 'org-changes-chronology', 'learning-template'],
          sentOn: '02/11/2026',
        },
      })
    ).status,
  ).toBe(201);
  expect((await api(url, 'POST', `${base}/requests`, { cookie: f.fx.team.cookie, body: { agencyIds: [icb], kinds: ['information-report'], sentOn: '02/11/2026' } })).status).toBe(
    201,
  );
  expect(
    (
      await api(url, 'POST', `${base}/queries`, {
        cookie: f.fx.team.cookie,
        body: {
          agencyId: police,
          target: { kind: 'template-section', section: 'kloe-1' },
          text: 'QUERY-SECRET: was she seen alone?',
        },
      })
    ).status,
  ).toBe(201);

  const t = openDoc(url, `review.${f.fx.reviewId}.learning-template.${police}`, f.fx.author.cookie);
  await synced(t);
  writeSection(t.doc, 'section-1', TEMPLATE_SECTION_1, { author: 'Sam Author', authorDesignation: 'DCI, Safeguarding Review Unit' }, 20_000);
  writeSection(t.doc, 'kloe-2', TEMPLATE_BLOCK, { analysis: 'Officers did not know of the new partner’s history.' }, 20_000);
  const r = openDoc(url, `review.${f.fx.reviewId}.information-report.${icb}`, f.fx.author2.cookie);
  await synced(r);
  writeSection(r.doc, 'q4', REPORT_SECTIONS.q4, { analysis: 'Health visiting contacts stopped after the move.' }, 20_000);
  writeSection(r.doc, 'background', REPORT_SECTIONS.background, { noInvolvement: true, completerName: 'Dr Ivy Nurse' }, 20_000);
  // Wait until the server holds both edits, read back through fresh connections.
  for (const [name, key] of [
    [`learning-template.${police}`, 'kloe-2'],
    [`information-report.${icb}`, 'q4'],
  ] as const) {
    const check = openDoc(url, `review.${f.fx.reviewId}.${name}`, f.fx.team.cookie);
    await synced(check);
    await until(() => check.doc.getMap('sections').has(key), `server holds ${name}`);
    check.destroy();
  }
  t.destroy();
  r.destroy();
});
afterAll(async () => {
  await f?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const download = async (p: string, cookie: string) => {
  const res = await fetch(`${f.server.url}${base}/exports/${p}`, { headers: { cookie } });
  return { status: res.status, disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
};
const textOf = (xml: string) =>
  xml
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'");
const bodyOf = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  for (const part of Object.keys(files).filter((k) => /^word\/(header|footer)\d*\.xml$/.test(k))) expect(textOf(strFromU8(files[part]!))).toContain('OFFICIAL-SENSITIVE');
  return textOf(strFromU8(files['word/document.xml']!));
};

describe('evidence Word exports', () => {
  it('request letters carry the case summary, period, key lines of enquiry and the deadline', async () => {
    const chron = await download(`${f.agencies.police}/chronology-request.docx`, f.fx.team.cookie);
    expect(chron.status).toBe(200);
    const text = bodyOf(chron.bytes);
    expect(text).toContain('Request to complete chronologies');
    expect(text).toContain('Maisie was admitted to hospital with a head injury.');
    expect(text).toContain('01/01/2025 to 28/10/2026');
    expect(text).toContain('Was the risk from the new partner understood?');
    expect(text).toContain('no later than 30/11/2026');
    const analysis = bodyOf((await download(`${f.agencies.icb}/analysis-request.docx`, f.fx.lead.cookie)).bytes);
    expect(analysis).toContain('learning template and information report');
    expect(analysis).toContain('Dr Rowan Reviewer');
    expect((await download(`${f.agencies.la}/chronology-request.docx`, f.fx.lead.cookie)).status).toBe(404);
    expect((await download(`${f.agencies.police}/chronology-request.docx`, f.fx.author.cookie)).status).toBe(403);
  });

  it('each agency’s template or report is a named copy from its live document, without query threads', async () => {
    const t = await download(`${f.agencies.police}/learning-template.docx`, f.fx.author.cookie);
    expect(t.status).toBe(200);
    expect(t.disposition).toContain('learning-template-POL.docx');
    const text = bodyOf(t.bytes);
    expect(text).toContain('Sam Author');
    expect(text).toContain('Key line of enquiry 2: Was the risk from the new partner understood?');
    expect(text).toContain('Officers did not know of the new partner’s history.');
    expect(text).not.toContain('QUERY-SECRET');
    const report = bodyOf((await download(`${f.agencies.icb}/information-report.docx`, f.fx.team.cookie)).bytes);
    expect(report).toContain('9. Other relevant information');
    expect(report).toContain('Health visiting contacts stopped after the move.');
    expect(report).toContain('\u2612 I confirm that the individual completing this report has had no previous operational involvement');
    expect((await download(`${f.agencies.icb}/information-report.docx`, f.fx.author.cookie)).status).toBe(403);
    expect((await download(`${f.agencies.police}/learning-template.docx`, f.fx.observer.cookie)).status).toBe(403);
  });

  it('zips every letter, template and report with the integrated chronology; staff only', async () => {
    expect((await download('evidence-pack.zip', f.fx.author.cookie)).status).toBe(403);
    // Threads on a chronology row and an organisational change too: none of them may reach any file of the pack.
    for (const target of [
      { kind: 'chronology-row', entryId: 'entry-pol-00000000001' },
      { kind: 'org-change', changeId: 'change-pol-0000000001' },
    ]) {
      expect(
        (
          await api(f.server.url, 'POST', `/api/reviews/${f.fx.reviewId}/evidence/queries`, {
            cookie: f.fx.team.cookie,
            body: { agencyId: f.agencies.police, target, text: `QUERY-SECRET on a ${target.kind}` },
          })
        ).status,
      ).toBe(201);
    }
    const pack = await download('evidence-pack.zip', f.fx.team.cookie);
    expect(pack.status).toBe(200);
    const files = unzipSync(pack.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'agencies/information-report-ICB.docx',
      'agencies/learning-template-ICB.docx',
      'agencies/learning-template-POL.docx',
      'integrated-chronology-named.xlsx',
      'letters/request-analysis-ICB.docx',
      'letters/request-analysis-POL.docx',
      'letters/request-chronologies-ICB.docx',
      'letters/request-chronologies-POL.docx',
    ]);
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('.docx')) expect(bodyOf(bytes)).not.toContain('QUERY-SECRET');
      // Every part of every file, Word or Excel, read as text.
      for (const part of Object.values(unzipSync(bytes))) expect(strFromU8(part)).not.toContain('QUERY-SECRET');
    }
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(tmp, path.basename(name)), bytes);
  });

  it('LibreOffice opens every Word export', () => {
    const docs = fs
      .readdirSync(tmp)
      .filter((n) => n.endsWith('.docx'))
      .map((n) => path.join(tmp, n));
    expect(docs).toHaveLength(7);
    const profile = `file://${path.join(tmp, 'lo-profile')}`;
    const run = spawnSync('/usr/bin/soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, ...docs], {
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, HOME: tmp },
    });
    expect(run.error, String(run.error)).toBeUndefined();
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stderr).not.toMatch(/error/i);
    for (const d of docs) {
      const pdf = fs.readFileSync(d.replace(/\.docx$/, '.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  }, 180_000);
});
