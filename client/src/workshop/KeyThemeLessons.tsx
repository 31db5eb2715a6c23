import { lessonsFromKeyThemes, type LessonLike } from '../../../shared/evidence/index.js';
import { evidencePaths, ThemesSchema } from '../evidence/evidenceApi.js';
import { useApiData } from '../hooks/useApiData.js';

/**
 * Proposes the review team's key themes for analysis (§8.8) as the workshop's lessons: one button
 * adds each theme not already among them, to edit like any other lesson before saving.
 */
export function KeyThemeLessons({ reviewId, lessons, onAdd }: { reviewId: string; lessons: readonly LessonLike[]; onAdd(added: LessonLike[]): void }) {
  const themes = useApiData(evidencePaths.themes(reviewId), ThemesSchema);
  const toAdd = lessonsFromKeyThemes(themes.data?.themes ?? [], lessons);
  if (!themes.data || themes.data.themes.length === 0) return null;
  return (
    <p>
      {toAdd.length === 0 ? (
        'Every key theme for analysis is a proposed lesson.'
      ) : (
        <button type="button" className="button button--secondary" onClick={() => onAdd(toAdd)}>
          Add the {toAdd.length === 1 ? 'key theme' : `${toAdd.length} key themes`} as proposed lessons
        </button>
      )}
    </p>
  );
}
