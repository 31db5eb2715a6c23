import { useCallback, useEffect, useState } from 'react';
import { coarseCountText } from '../../../shared/workshop/anonymity.js';
import { apiRequest, errorMessage } from '../api/client.js';
import { LoadingMessage } from '../components/LoadingMessage.js';
import { Notice } from '../components/Notice.js';
import { SelectField } from '../components/SelectField.js';
import { usePageTitle } from '../hooks/usePageTitle.js';
import { nowBanner } from '../participant/participantState.js';
import { SharedContent } from '../participant/SharedContent.js';
import { workshopPath } from './api.js';
import { FOLLOW, followedOpenPrompts, presentedReleases, PresenterViewSchema, type PresenterData } from './presenterModel.js';
import { useWorkshopCounts, type CountsStatus } from './useWorkshopCounts.js';

const STATUS_TEXT: Record<CountsStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live: this screen follows the lead reviewer.',
  offline: 'Connection lost. Reconnecting…',
  refused: 'This screen cannot follow the workshop.',
};

/**
 * The presenter screen, for a second screen or projector the room can see (opened from the
 * facilitator page): the current agenda item, what is shared (a phase, the lessons), and the released
 * answers, in large type. Everything comes pseudonymised from the server (GET …/presenter); it reloads
 * whenever the staff channel says the state changed, prompts were released or an answer was hidden,
 * and counts are the coarse ones staff see, so it shows nothing a staff screen would not.
 */
export function PresenterPage({ reviewId, workshopId }: { reviewId: string; workshopId: string }) {
  const [data, setData] = useState<PresenterData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState(FOLLOW);
  const live = useWorkshopCounts(workshopId, true);
  usePageTitle(data ? `Presenter: ${data.view.title}` : 'Presenter screen');

  const load = useCallback(async () => {
    try {
      setData(await apiRequest('GET', `${workshopPath(reviewId, workshopId)}/presenter`, { schema: PresenterViewSchema }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [reviewId, workshopId]);
  // Loaded again on every staff event that can change what is shown, and after a reconnection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the events are the triggers
  useEffect(() => {
    void load();
  }, [load, live.released, live.moderated, live.pushed, live.status]);

  if (!data) {
    return error ? (
      <Notice tone="error" role="alert" title="The presenter screen could not be loaded">
        <p>{error}</p>
      </Notice>
    ) : (
      <LoadingMessage text="Loading the presenter screen…" />
    );
  }
  const { view } = data;
  const banner = nowBanner(view);
  const shown = presentedReleases(view, data.released, choice);
  const open = followedOpenPrompts(view);
  const count = (id: string) => {
    const c = live.counts[id]?.counted ?? data.counts[id];
    return c ? coarseCountText(c) : null;
  };
  const chosen = choice !== FOLLOW && !data.released.some((r) => r.promptId === choice) ? FOLLOW : choice;

  return (
    <div className="presenter" data-testid="presenter">
      <h1 data-route-focus tabIndex={-1}>
        {view.title}
      </h1>
      <p className="muted" role="status">
        {STATUS_TEXT[live.status]}
      </p>
      {error && (
        <Notice tone="error" title="The latest changes could not be loaded">
          <p>{error}</p>
        </Notice>
      )}
      {view.stage === 'closed' && <p className="ws-current">The workshop has closed. Thank you for taking part.</p>}
      {view.stage === 'open' && <p className="ws-current">The meeting has not started yet: please answer worksheet 1.</p>}
      {banner && (
        <p className="ws-current" data-testid="presenter-now">
          <span className="ws-current__label">Now:</span> {banner.now}
          {banner.item && <span className="ws-current__item"> (agenda: {banner.item})</span>}
        </p>
      )}
      <div className="presenter__grid">
        <section aria-labelledby="shared-heading">
          <SharedContent view={view} />
        </section>
        <section aria-labelledby="presented-heading">
          <h2 id="presented-heading">Answers</h2>
          <div className="presenter__tools">
            <SelectField
              id="presented-choice"
              label="Answers on screen"
              value={chosen}
              onChange={setChoice}
              options={[{ value: FOLLOW, label: 'Follow what is shared' }, ...data.released.map((r) => ({ value: r.promptId, label: r.label }))]}
            />
          </div>
          {open.map(
            (p) =>
              count(p.id) && (
                <p key={p.id} className="presenter__count" data-testid={`presenter-count-${p.id}`}>
                  {p.label}: {count(p.id)} people have answered so far.
                </p>
              ),
          )}
          {shown.length === 0 ? (
            <p>Answers appear here when the lead reviewer releases them: in groups, never one by one, and only once enough people have answered.</p>
          ) : (
            shown.map((r) => (
              <section key={r.releaseId} aria-labelledby={`presented-${r.promptId}`} data-testid={`presented-${r.promptId}`}>
                <h3 id={`presented-${r.promptId}`}>{r.label}</h3>
                <p className="muted pre-wrap">{r.text}</p>
                <ul className="presenter__answers">
                  {r.answers.map((a, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a release's answers carry no ids here, and its order is fixed until the next release
                    <li key={i} className="presenter__answer pre-wrap break">
                      {a}
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )}
        </section>
      </div>
    </div>
  );
}
