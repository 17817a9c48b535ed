import { useState, type FormEvent } from 'react';
import { PHASES, type Phase, type Plan } from '@shared/api/plans';
import { client } from '../../lib/client';
import { useToast } from '../../ui/toast';
import { Bar } from '../campaigns/Meters';
import { asApiError } from '../../lib/form-errors';

const PHASE_LABELS: Record<Phase, string> = {
  research: 'Research',
  plan: 'Plan',
  execute: 'Execute',
  measure: 'Measure',
};

function AddTask({ planId, phase }: { planId: string; phase: Phase }) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    client
      .call('plans.addTask', { planId, phase, title })
      .then(() => {
        setTitle('');
        setError(null);
      })
      .catch((e: unknown) => setError(asApiError(e).issues[0]?.message ?? asApiError(e).message));
  };
  return (
    <form
      className="inline-add"
      onSubmit={submit}
      aria-label={`Add a ${PHASE_LABELS[phase].toLowerCase()} task`}
    >
      <input
        aria-label={`New ${PHASE_LABELS[phase].toLowerCase()} task`}
        placeholder="Add a task…"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** The research → plan → execute → measure checklist, with progress per phase. */
export function Checklist({ plan }: { plan: Plan }) {
  const toast = useToast();
  const remove = (task: Plan['tasks'][number]) => {
    void client.call('plans.deleteTask', { id: task.id }).then(() =>
      toast.show(`Removed “${task.title}”.`, {
        action: {
          label: 'Undo',
          run: async () => {
            const restored = await client.call('plans.addTask', {
              planId: plan.id,
              phase: task.phase,
              title: task.title,
            });
            const again = restored.tasks
              .filter((t) => t.phase === task.phase && t.title === task.title)
              .at(-1);
            if (task.done && again)
              await client.call('plans.updateTask', { id: again.id, patch: { done: true } });
          },
        },
      }),
    );
  };
  const { done, total } = plan.progress;

  return (
    <section className="card" aria-labelledby="checklist-heading">
      <div className="card-header">
        <h2 id="checklist-heading">Checklist</h2>
        <span className="muted">
          {done} of {total} done
        </span>
      </div>
      <Bar
        fraction={total ? done / total : 0}
        label="Plan progress"
        valueText={`${done} of ${total} ${total === 1 ? 'task' : 'tasks'} done`}
        tone={total > 0 && done === total ? 'met' : undefined}
      />
      {PHASES.map((phase) => {
        const tasks = plan.tasks.filter((t) => t.phase === phase);
        const progress = plan.progress.phases.find((p) => p.phase === phase);
        return (
          <div key={phase} className="phase" role="group" aria-label={`${PHASE_LABELS[phase]} phase`}>
            <h3 className="subheading">
              {PHASE_LABELS[phase]}{' '}
              <span className="muted small">
                {progress?.done ?? 0}/{progress?.total ?? 0}
                {progress && progress.total > 0 && progress.done === progress.total && ' ✓'}
              </span>
            </h3>
            <ul className="tasks">
              {tasks.map((task) => (
                <li key={task.id} className={task.done ? 'task done' : 'task'}>
                  <label>
                    <input
                      type="checkbox"
                      checked={task.done}
                      onChange={(e) =>
                        void client.call('plans.updateTask', {
                          id: task.id,
                          patch: { done: e.target.checked },
                        })
                      }
                    />
                    <span>{task.title}</span>
                  </label>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove task ${task.title}`}
                    onClick={() => remove(task)}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <AddTask planId={plan.id} phase={phase} />
          </div>
        );
      })}
    </section>
  );
}
