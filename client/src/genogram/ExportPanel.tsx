import { useState } from 'react';
import { RadioGroup } from '../components/RadioGroup.js';
import type { LabelMode } from './names.js';

/**
 * Export as SVG or PNG, with real names or with report labels. The genogram is for Review Team
 * meetings and the workshop; it never goes into the published report, and the page says so.
 */
export function ExportPanel({ onExport, disabled }: { onExport(format: 'svg' | 'png', mode: LabelMode): Promise<void>; disabled: boolean }) {
  const [mode, setMode] = useState<LabelMode>('labels');
  const [status, setStatus] = useState('');
  const run = async (format: 'svg' | 'png') => {
    setStatus(`Preparing the ${format.toUpperCase()} file…`);
    try {
      await onExport(format, mode);
      setStatus(`The ${format.toUpperCase()} file has been downloaded${mode === 'names' ? '. It contains real names: keep it within the review' : ''}.`);
    } catch (err) {
      setStatus(err instanceof Error ? err.message : 'The file could not be made.');
    }
  };
  return (
    <section className="gg-export" aria-labelledby="gg-export-heading">
      <h3 id="gg-export-heading">Export the genogram</h3>
      <p>For Review Team meetings and the workshop. The genogram is never part of the published report.</p>
      <RadioGroup
        id="gg-export-mode"
        name="gg-export-mode"
        legend="Names in the file"
        value={mode}
        onChange={(v) => setMode(v as LabelMode)}
        options={[
          { value: 'labels', label: 'Report labels', hint: 'For example Mother, Sibling 1 and the child\u2019s pseudonym.' },
          { value: 'names', label: 'Real names', hint: 'Only for people working on this review.' },
        ]}
      />
      <div className="button-row">
        <button type="button" className="button button--secondary" disabled={disabled} onClick={() => void run('svg')}>
          Download SVG
        </button>
        <button type="button" className="button button--secondary" disabled={disabled} onClick={() => void run('png')}>
          Download PNG
        </button>
      </div>
      <p role="status" aria-live="polite" className="gg-export__status">
        {status}
      </p>
    </section>
  );
}
