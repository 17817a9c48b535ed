import { useWorkspace } from '../../lib/settings';
import { useQuery } from '../../lib/useQuery';
import { ACTIVITY_ICONS, activityLabel } from '../leads/activity-types';
import './cadences.css';

interface Props {
  cadenceId: string;
  leadId?: string | undefined;
  startDate?: string;
  heading: string;
}

/** The steps as they would land for one lead: day, type and the text with the lead's name and key message filled in. */
export function StepPreviewList({ cadenceId, leadId, startDate, heading }: Props) {
  const { format } = useWorkspace();
  const preview = useQuery('cadences.preview', {
    cadenceId,
    ...(leadId ? { leadId } : {}),
    ...(startDate ? { startDate } : {}),
  });
  return (
    <section className="cad-preview" aria-label={heading}>
      <h3 className="sales-h3">{heading}</h3>
      {preview.error && <p className="field-error">{preview.error.message}</p>}
      <ol>
        {(preview.data ?? []).map((step) => (
          <li key={step.position}>
            <span className="cad-day">{format.date(step.dueDate)}</span>
            <span className="sales-type">
              <span aria-hidden="true">{ACTIVITY_ICONS[step.type]} </span>
              {activityLabel(step.type)}
            </span>
            <span className="cad-text">{step.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
