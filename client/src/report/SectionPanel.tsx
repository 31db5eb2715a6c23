import type { ReactNode } from 'react';
import { GUIDANCE } from '../../../shared/report/guidance.js';

/**
 * A section's guidance from Document 19, in italics, with a toggle that removes it from the report.
 * The builder always shows the text, so it can still be read once removed; the state is said in words.
 */
export function GuidancePrompt({ promptId, section, removed, onToggle }: { promptId: string; section: string; removed: boolean; onToggle(): void }) {
  const text = GUIDANCE[promptId];
  if (!text) return null;
  const stateId = `report-guidance-${promptId}-state`;
  return (
    <div className={`report-guidance${removed ? ' report-guidance--removed' : ''}`}>
      <p className="report-guidance__text">
        <em>{text}</em>
      </p>
      <p className="report-guidance__state" id={stateId}>
        {removed ? 'Removed: this guidance will not appear in the report.' : 'This guidance appears in the report in italics until you remove it.'}
      </p>
      <button type="button" className="button button--secondary button--small" aria-pressed={removed} aria-describedby={stateId} onClick={onToggle}>
        Remove this guidance<span className="visually-hidden"> from {section}</span>
      </button>
    </div>
  );
}

/** One section of the report builder: a heading, its guidance prompt (if it has one) and its fields. */
export function SectionPanel({
  id,
  title,
  promptId,
  removedPrompts,
  onTogglePrompt,
  children,
}: {
  id: string;
  title: string;
  promptId?: string;
  removedPrompts: readonly string[];
  onTogglePrompt(promptId: string): void;
  children?: ReactNode;
}) {
  const headingId = `${id}-heading`;
  return (
    <section className="report-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {promptId && <GuidancePrompt promptId={promptId} section={title} removed={removedPrompts.includes(promptId)} onToggle={() => onTogglePrompt(promptId)} />}
      {children}
    </section>
  );
}
