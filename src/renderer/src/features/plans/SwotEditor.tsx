import type { Plan } from '@shared/api/plans';
import { client } from '../../lib/client';
import { TextAreaField } from '../../ui/Field';
import { useAutosave } from './useAutosave';

type Key = keyof Plan['situation'];

const QUADRANTS: { key: Key; label: string; hint: string }[] = [
  {
    key: 'strengths',
    label: 'Strengths',
    hint: 'What you do better than others: product, people, place, price.',
  },
  { key: 'weaknesses', label: 'Weaknesses', hint: 'What holds you back and customers notice.' },
  { key: 'opportunities', label: 'Opportunities', hint: 'Trends, events, gaps in the market you could use.' },
  { key: 'threats', label: 'Threats', hint: 'Competitors, costs, seasons or rules that could hurt.' },
];

function Quadrant({ plan, quadrant }: { plan: Plan; quadrant: (typeof QUADRANTS)[number] }) {
  const { key } = quadrant;
  const { draft, setDraft, error } = useAutosave(plan.situation[key], (value) =>
    client.call('plans.update', { id: plan.id, patch: { situation: { [key]: value } } }),
  );
  return (
    <TextAreaField
      label={quadrant.label}
      value={draft}
      onValue={setDraft}
      rows={4}
      placeholder={quadrant.hint}
      error={error ? (error.issues[0]?.message ?? error.message) : undefined}
    />
  );
}

/** Situation analysis (SWOT): four notes saved as you type. */
export function SwotEditor({ plan }: { plan: Plan }) {
  return (
    <section className="card" aria-labelledby="swot-heading">
      <div className="card-header">
        <h2 id="swot-heading">Situation</h2>
        <span className="muted small">Saved as you type</span>
      </div>
      <div className="swot">
        {QUADRANTS.map((q) => (
          <Quadrant key={q.key} plan={plan} quadrant={q} />
        ))}
      </div>
    </section>
  );
}
