import type { ReportDraft } from '../report/draft.js';
import type { EvidenceLink, KeyTheme } from './themes.js';

/**
 * How the key themes for analysis (§8.8) flow on: into the workshop's proposed lessons and the
 * report's analysis sections, and the chain a reader can follow back: evidence → theme → learning
 * point → recommendation. Pure, so the builder and tests share one rule.
 */

/** A workshop lesson as the set-up form holds it. */
export type LessonLike = { id: string; text: string };

/** The text a key theme proposes as a workshop lesson. */
export function lessonTextOf(theme: Pick<KeyTheme, 'title' | 'summary'>): string {
  return theme.summary.trim() ? `${theme.title}: ${theme.summary.trim()}` : theme.title;
}

/** A slug id not yet used, from a prefix ("theme-1", "theme-2", …). */
function freeSlug(prefix: string, used: Set<string>): string {
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  const id = `${prefix}-${n}`;
  used.add(id);
  return id;
}

/** The proposed lessons to add for themes not yet among the workshop's lessons (matched by text). */
export function lessonsFromKeyThemes(themes: readonly KeyTheme[], existing: readonly LessonLike[]): LessonLike[] {
  const texts = new Set(existing.map((l) => l.text.trim()));
  const used = new Set(existing.map((l) => l.id));
  return themes.filter((t) => !texts.has(lessonTextOf(t))).map((t) => ({ id: freeSlug('key-theme', used), text: lessonTextOf(t) }));
}

/** A report analysis theme, as the draft holds it. */
export type ReportTheme = ReportDraft['themes'][number];

/**
 * The report analysis themes to add for key themes the draft does not hold yet: titled as the theme,
 * its summary as the start of the analysis, its chronology rows as the events it discusses, and the
 * key theme's id kept so the chain back to the evidence survives edits to the title.
 */
export function reportThemesFromKeyThemes(themes: readonly KeyTheme[], draftThemes: readonly ReportTheme[]): ReportTheme[] {
  const linked = new Set(draftThemes.map((t) => t.keyThemeId).filter(Boolean));
  const used = new Set(draftThemes.map((t) => t.id));
  return themes
    .filter((t) => !linked.has(t.id))
    .map((t) => ({
      id: freeSlug('theme', used),
      title: t.title,
      analysis: t.summary,
      keyThemeId: t.id,
      promptIds: [],
      entryIds: t.evidence.flatMap((l) => (l.kind === 'chronology-row' ? [l.entryId] : [])).slice(0, 200),
    }));
}

/** One learning point in the chain: its theme (report and key), the evidence, and the recommendations it leads to. */
export type TracedLearningPoint = {
  id: string;
  number: number;
  text: string;
  reportTheme: { id: string; title: string } | null;
  keyTheme: { id: string; title: string } | null;
  evidence: EvidenceLink[];
  recommendations: { id: string; number: number; text: string }[];
};

/** The chain evidence → theme → learning point → recommendation for every learning point of the draft. */
export function evidenceTrace(keyThemes: readonly KeyTheme[], draft: Pick<ReportDraft, 'themes' | 'learningPoints' | 'recommendations'>): TracedLearningPoint[] {
  const keys = new Map(keyThemes.map((k) => [k.id, k]));
  const reportThemes = new Map(draft.themes.map((t) => [t.id, t]));
  return draft.learningPoints.map((lp, i) => {
    const rt = lp.themeId ? (reportThemes.get(lp.themeId) ?? null) : null;
    const kt = rt?.keyThemeId ? (keys.get(rt.keyThemeId) ?? null) : null;
    return {
      id: lp.id,
      number: i + 1,
      text: lp.text,
      reportTheme: rt ? { id: rt.id, title: rt.title } : null,
      keyTheme: kt ? { id: kt.id, title: kt.title } : null,
      evidence: kt ? kt.evidence : [],
      recommendations: draft.recommendations.flatMap((r, j) => (r.learningPointIds.includes(lp.id) ? [{ id: r.id, number: j + 1, text: r.text }] : [])),
    };
  });
}
