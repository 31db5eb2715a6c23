import { describe, expect, it } from 'vitest';
import { lcsprMilestones } from '../../../shared/milestones/index.js';

describe('LCSPR milestones', () => {
  it.each([
    ['2024-01-15', '2024-07-15'],
    ['2024-08-31', '2025-02-28'],
    ['2023-08-31', '2024-02-29'],
    ['2024-03-31', '2024-09-30'],
    ['2024-12-31', '2025-06-30'],
  ])('a decision on %s is due for completion on %s (six calendar months, end-of-month clamped)', (decisionDate, due) => {
    const ms = lcsprMilestones({ decisionDate });
    expect(ms).toEqual([
      {
        key: 'lcspr-completion',
        label: 'LCSPR completed (six months from the decision)',
        opens: null,
        due,
        doneOn: null,
      },
    ]);
  });

  it.each([
    ['2024-06-19', '2024-06-10'], // Wednesday publication: Monday of the week before
    ['2025-04-23', '2025-04-10'], // over Easter Monday and Good Friday 2025
    ['2024-05-28', '2024-05-16'], // the day after the spring bank holiday
    ['2022-09-23', '2022-09-13'], // over the Queen's funeral
  ])('for publication on %s the report must reach the Panel, Ofsted and the DfE by %s', (publicationDate, reportBy) => {
    const ms = lcsprMilestones({ decisionDate: '2022-01-04', publicationDate });
    expect(ms.map((m) => [m.key, m.due])).toEqual([
      ['lcspr-completion', '2022-07-04'],
      ['lcspr-report-to-panel', reportBy],
      ['lcspr-publication', publicationDate],
    ]);
  });

  it('carries completion dates', () => {
    const ms = lcsprMilestones({ decisionDate: '2024-01-15', completed: { 'lcspr-completion': '2024-07-01' } });
    expect(ms[0]!.doneOn).toBe('2024-07-01');
  });

  it('refuses a publication date on or before the decision, and invalid dates', () => {
    expect(() => lcsprMilestones({ decisionDate: '2024-06-01', publicationDate: '2024-05-01' })).toThrow(/after the decision date/);
    expect(() => lcsprMilestones({ decisionDate: '2024-02-30' })).toThrow();
    expect(() => lcsprMilestones({ decisionDate: '2029-01-01', publicationDate: '2031-03-01' })).toThrow(RangeError);
  });
});
