import type { Activity } from '@shared/api/activities';
import type { Enrollment } from '@shared/api/cadences';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useToast } from '../../ui/toast';
import { DueMark } from '../leads/FollowUp';
import { ACTIVITY_ICONS, activityLabel } from '../leads/activity-types';
import { asApiError } from '../../lib/form-errors';
import './cadences.css';

const STATUS: Record<Enrollment['status'], string> = {
  active: 'Running',
  completed: 'Completed',
  stopped: 'Stopped',
};
const REASON: Record<string, string> = {
  user: 'by you',
  won: 'lead won',
  lost: 'lead lost',
  deleted: 'lead deleted',
};

/** The lead's cadences with their steps as follow-ups on their days; a running one can be stopped. */
export function EnrollmentList({
  enrollments,
  activities,
}: {
  enrollments: Enrollment[];
  activities: Activity[];
}) {
  const { format } = useWorkspace();
  const toast = useToast();
  if (enrollments.length === 0) return <p className="sales-muted">Not in any cadence.</p>;
  const stop = (e: Enrollment) =>
    void client
      .call('cadences.stop', { enrollmentId: e.id })
      .then(() => toast.show(`Stopped ${e.cadenceName}; its open steps are removed.`))
      .catch((err: unknown) => toast.show(asApiError(err).message, { tone: 'error' }));
  return (
    <ul className="cad-enrollments">
      {enrollments.map((e) => {
        const steps = activities
          .filter((a) => a.enrollmentId === e.id)
          .sort((x, y) => (x.dueAt ?? '').localeCompare(y.dueAt ?? ''));
        return (
          <li key={e.id} aria-label={`${e.cadenceName} cadence`}>
            <div className="sales-item-main">
              <strong>{e.cadenceName}</strong>
              <span className={`cad-status cad-status-${e.status}`}>
                {STATUS[e.status]}
                {e.status === 'stopped' && e.stopReason ? ` (${REASON[e.stopReason] ?? e.stopReason})` : ''}
              </span>
              <span className="sales-muted">
                {e.stepsDone} of {e.stepsTotal} done · started {format.date(e.startDate)}
              </span>
              {e.status === 'active' && (
                <button
                  type="button"
                  className="button sales-small"
                  onClick={() => stop(e)}
                  aria-label={`Stop ${e.cadenceName}`}
                >
                  Stop
                </button>
              )}
            </div>
            {steps.length > 0 && (
              <ol className="cad-steps" aria-label={`Steps of ${e.cadenceName}`}>
                {steps.map((s) => (
                  <li key={s.id} className={s.status === 'done' ? 'is-done' : undefined}>
                    <span className="sales-type">
                      <span aria-hidden="true">{ACTIVITY_ICONS[s.type]} </span>
                      {activityLabel(s.type)}
                    </span>
                    <span className="sales-subject">{s.subject}</span>
                    {s.status === 'done' ? (
                      <span className="sales-muted">✓ Done</span>
                    ) : (
                      <DueMark dueDate={s.dueDate} overdue={s.overdue} />
                    )}
                  </li>
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ul>
  );
}
