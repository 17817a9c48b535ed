import { useMemo, useState, type FormEvent } from 'react';
import type { Plan } from '@shared/api/plans';
import { client } from '../../lib/client';
import { useToast } from '../../ui/toast';
import { TextAreaField } from '../../ui/Field';
import { useAutosave } from './useAutosave';

interface Segment {
  id?: string;
  name: string;
  description: string;
  isTarget: boolean;
}

/** Segments with the one chosen target, and the positioning statement for it; all saved as you go. */
export function SegmentsEditor({ plan }: { plan: Plan }) {
  const toast = useToast();
  const server = useMemo<Segment[]>(
    () => plan.segments.map(({ id, name, description, isTarget }) => ({ id, name, description, isTarget })),
    [plan.segments],
  );
  const segments = useAutosave(server, (list) =>
    client.call('plans.saveSegments', { planId: plan.id, segments: list }),
  );
  const positioning = useAutosave(plan.positioning, (value) =>
    client.call('plans.update', { id: plan.id, patch: { positioning: value } }),
  );
  const [newName, setNewName] = useState('');
  const list = segments.draft;
  const issue = (i: number, field: string) => segments.error?.issueFor(`segments.${i}.${field}`);

  const change = (i: number, patch: Partial<Segment>, now = false) =>
    segments.setDraft(
      list.map((s, j) => (j === i ? { ...s, ...patch } : patch.isTarget ? { ...s, isTarget: false } : s)),
      now,
    );
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!newName.trim()) return;
    segments.setDraft(
      [...list, { name: newName.trim(), description: '', isTarget: list.length === 0 }],
      true,
    );
    setNewName('');
  };
  const remove = (i: number) => {
    const before = list;
    const rest = list.filter((_, j) => j !== i);
    const first = rest[0];
    if (first && !rest.some((s) => s.isTarget)) rest[0] = { ...first, isTarget: true };
    segments.setDraft(rest, true);
    toast.show(`Removed the segment ${list[i]?.name ?? ''}.`, {
      action: { label: 'Undo', run: () => segments.setDraft(before, true) },
    });
  };
  const general =
    segments.error && !segments.error.issues.some((x) => /^segments\.\d/.test(x.field))
      ? segments.error.message
      : null;

  return (
    <section className="card" aria-labelledby="segments-heading">
      <h2 id="segments-heading">Target and positioning</h2>
      {list.length === 0 ? (
        <p className="muted">
          Who buys from you? Name two or three groups of customers, then pick the one this plan aims at.
        </p>
      ) : (
        <fieldset className="segments">
          <legend className="visually-hidden">Segments; the chosen one is the target</legend>
          {list.map((segment, i) => (
            <div key={segment.id ?? `new-${i}`} className={`segment${segment.isTarget ? ' is-target' : ''}`}>
              <label className="target-choice">
                <input
                  type="radio"
                  name={`target-${plan.id}`}
                  checked={segment.isTarget}
                  onChange={() => change(i, { isTarget: true }, true)}
                />
                <span>{segment.isTarget ? 'Target' : 'Make target'}</span>
                <span className="visually-hidden">: {segment.name}</span>
              </label>
              <div className="segment-fields">
                <input
                  aria-label={`Segment ${i + 1} name`}
                  value={segment.name}
                  onChange={(e) => change(i, { name: e.target.value })}
                  aria-invalid={issue(i, 'name') ? true : undefined}
                />
                <input
                  aria-label={`Segment ${i + 1} description`}
                  placeholder="Who they are, what they need"
                  value={segment.description}
                  onChange={(e) => change(i, { description: e.target.value })}
                />
                {(issue(i, 'name') ?? issue(i, 'description')) && (
                  <p className="field-error" role="alert">
                    {issue(i, 'name') ?? issue(i, 'description')}
                  </p>
                )}
              </div>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove segment ${segment.name}`}
                onClick={() => remove(i)}
              >
                ×
              </button>
            </div>
          ))}
        </fieldset>
      )}
      {general && (
        <p className="field-error" role="alert">
          {general}
        </p>
      )}
      <form className="inline-add" onSubmit={add} aria-label="Add segment">
        <input
          aria-label="New segment name"
          placeholder="e.g. Independent cafés"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
        />
        <button type="submit" className="button">
          Add segment
        </button>
      </form>
      <TextAreaField
        label="Positioning statement"
        value={positioning.draft}
        onValue={positioning.setDraft}
        placeholder="For [target] who [need], we are the [category] that [benefit], unlike [alternative]."
        error={
          positioning.error ? (positioning.error.issues[0]?.message ?? positioning.error.message) : undefined
        }
      />
    </section>
  );
}
