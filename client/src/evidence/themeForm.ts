import { formatChronologyDate, type ChronologyDate } from '../../../shared/chronology/chronologyDate.js';
import {
  EVIDENCE_LINK_LABELS,
  MAX_EVIDENCE_MESSAGE_CHARS,
  MAX_THEME_EVIDENCE,
  REPORT_SECTION_LABELS,
  evidenceLinkKey,
  isReportSectionKey,
  templateSectionLabel,
  type EvidenceKind,
  type EvidenceLink,
  type EvidenceQuery,
  type KeyTheme,
} from '../../../shared/evidence/index.js';
import { MAX_LABEL_CHARS } from '../../../shared/limits.js';

/**
 * The key-theme form's rules (§8.8), kept pure so tests/client checks them: what evidence can be
 * linked, how a link reads, and what the form sends. The server validates the body again.
 */

/** A chronology row as the theme form offers and names it. */
export type ThemeRow = { id: string; agencyId: string; date: ChronologyDate; keyEvent: string; team: { keyLearning: boolean } };

/** What the form holds while someone records or edits a theme. */
export type ThemeForm = { title: string; summary: string; links: EvidenceLink[] };

/** An empty form for a new theme. */
export const BLANK_THEME_FORM: ThemeForm = { title: '', summary: '', links: [] };

/** The information-report questions whose answers are analysis (Q4 to Q6) and so can ground a theme. */
export const REPORT_ANALYSIS_SECTIONS = ['q4', 'q5', 'q6'] as const;

/** The form for editing an existing theme. */
export function formFromTheme(t: Pick<KeyTheme, 'title' | 'summary' | 'evidence'>): ThemeForm {
  return { title: t.title, summary: t.summary, links: [...t.evidence] };
}

/** Links a piece of evidence (`on`) or unlinks it, keeping the order the others were picked in. */
export function toggleLink(links: readonly EvidenceLink[], link: EvidenceLink, on: boolean): EvidenceLink[] {
  const key = evidenceLinkKey(link);
  const rest = links.filter((l) => evidenceLinkKey(l) !== key);
  return on ? [...rest, link] : rest;
}

/** The first problem with the form, in words for the error line, or null when it can be sent. */
export function themeFormError(form: ThemeForm): string | null {
  if (!form.title.trim()) return 'Give the theme a title.';
  if (form.title.trim().length > MAX_LABEL_CHARS) return `Keep the title to ${MAX_LABEL_CHARS} characters.`;
  if (form.summary.trim().length > MAX_EVIDENCE_MESSAGE_CHARS) return `Keep why it matters to ${MAX_EVIDENCE_MESSAGE_CHARS.toLocaleString('en-GB')} characters.`;
  if (form.links.length > MAX_THEME_EVIDENCE) return `Link at most ${MAX_THEME_EVIDENCE} pieces of evidence to one theme.`;
  return null;
}

/** The body of POST .../themes, or of PUT .../themes/:id with the version it was edited from. */
export function themeBody(form: ThemeForm, baseVersion?: number) {
  const body = { title: form.title.trim(), summary: form.summary.trim(), evidence: form.links };
  return baseVersion === undefined ? body : { ...body, baseVersion };
}

/**
 * The evidence a theme can rest on: key practice learning rows, each requested learning template's
 * key-line analyses, each information report's analysis questions, and every agency answer to a
 * query. Links already on the theme stay offered (so they can be unlinked) even if no longer listed.
 */
export function themeLinkOptions(input: {
  rows: readonly ThemeRow[];
  requests: readonly { agencyId: string; kind: EvidenceKind }[];
  kloeCount: number;
  queries: readonly EvidenceQuery[];
  current: readonly EvidenceLink[];
}): EvidenceLink[] {
  const offered: EvidenceLink[] = [
    ...input.rows.filter((r) => r.team.keyLearning).map((r): EvidenceLink => ({ kind: 'chronology-row', agencyId: r.agencyId, entryId: r.id })),
    ...input.requests
      .filter((r) => r.kind === 'learning-template')
      .flatMap((r) => Array.from({ length: input.kloeCount }, (_, i): EvidenceLink => ({ kind: 'template-analysis', agencyId: r.agencyId, section: `kloe-${i + 1}` }))),
    ...input.requests
      .filter((r) => r.kind === 'information-report')
      .flatMap((r) => REPORT_ANALYSIS_SECTIONS.map((s): EvidenceLink => ({ kind: 'report-section', agencyId: r.agencyId, section: s }))),
    ...input.queries.flatMap((q) => q.messages.filter((m) => m.kind === 'answer').map((m): EvidenceLink => ({ kind: 'query-answer', queryId: q.id, messageId: m.id }))),
  ];
  const seen = new Set(offered.map(evidenceLinkKey));
  return [...offered, ...input.current.filter((l) => !seen.has(evidenceLinkKey(l)))];
}

/** A link in words, naming its agency: "Chronology row (Police): 12/03/2026, Police attended…". */
export function linkLabel(l: EvidenceLink, agencyName: (id: string) => string, queries: readonly EvidenceQuery[], rows: readonly ThemeRow[] = []): string {
  switch (l.kind) {
    case 'chronology-row': {
      const r = rows.find((x) => x.id === l.entryId);
      return `${EVIDENCE_LINK_LABELS[l.kind]} (${agencyName(l.agencyId)})${r ? `: ${formatChronologyDate(r.date)}, ${r.keyEvent.slice(0, 80)}` : ''}`;
    }
    case 'template-analysis':
      return `${agencyName(l.agencyId)} learning template, ${templateSectionLabel(l.section)}`;
    case 'report-section':
      return `${agencyName(l.agencyId)} information report, ${isReportSectionKey(l.section) ? REPORT_SECTION_LABELS[l.section] : l.section}`;
    case 'query-answer': {
      const q = queries.find((x) => x.id === l.queryId);
      const m = q?.messages.find((x) => x.id === l.messageId);
      return `${EVIDENCE_LINK_LABELS[l.kind]} from ${q ? agencyName(q.agencyId) : 'an agency'}${m ? `: “${m.text.slice(0, 80)}”` : ''}`;
    }
  }
}

/** An element id made from a link, for its checkbox. */
export function linkDomId(prefix: string, l: EvidenceLink): string {
  return `${prefix}-${evidenceLinkKey(l).replace(/[^a-z0-9-]/gi, '-')}`;
}
