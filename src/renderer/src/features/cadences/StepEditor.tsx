import type { z } from 'zod';
import type { CadenceStepType } from '@shared/api/cadences';
import { TEMPLATE_FIELDS, renderTemplate, type TemplateValues } from '@shared/domain/templates';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { ACTIVITY_LABELS } from '../leads/activity-types';

export interface StepDraft {
  key: number;
  day: string;
  type: z.infer<typeof CadenceStepType>;
  instruction: string;
}

const TYPES = (['email', 'call', 'linkedin', 'task'] as const).map((t) => ({
  value: t,
  label: ACTIVITY_LABELS[t],
}));

const FIELD_LABELS: Record<(typeof TEMPLATE_FIELDS)[number], string> = {
  first_name: 'First name',
  last_name: 'Last name',
  lead_title: 'Lead title',
  company: 'Company',
  campaign: 'Campaign',
  key_message: 'Key message',
};

/** Example values for the live preview while editing; the enrol form previews with the real lead. */
const EXAMPLE: TemplateValues = {
  first_name: 'Sam',
  last_name: 'Rivera',
  lead_title: 'Office coffee subscription',
  company: 'Rivera Design',
  campaign: 'Spring tasting',
  key_message: 'roasted to order, delivered within 48 hours',
};

interface Props {
  steps: StepDraft[];
  onSteps(steps: StepDraft[]): void;
  issue(field: string): string | undefined;
}

/** The touches of a cadence in order; each text previews live with an example lead. */
export function StepEditor({ steps, onSteps, issue }: Props) {
  const update = (index: number, patch: Partial<StepDraft>) =>
    onSteps(steps.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const remove = (index: number) => onSteps(steps.filter((_, i) => i !== index));
  const move = (index: number, by: -1 | 1) => {
    const next = [...steps];
    const [step] = next.splice(index, 1);
    if (step) next.splice(index + by, 0, step);
    onSteps(next);
  };
  const add = () => {
    const lastDay = Number(steps.at(-1)?.day ?? '-2');
    onSteps([
      ...steps,
      {
        key: Math.max(0, ...steps.map((s) => s.key)) + 1,
        day: String(Number.isFinite(lastDay) ? lastDay + 2 : 0),
        type: 'email',
        instruction: '',
      },
    ]);
  };
  return (
    <div className="cad-steps-editor">
      <h3 className="sales-h3">Steps</h3>
      <p className="field-hint">
        Texts can use {TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(', ')} — filled in for each lead, the key
        message from the lead's source campaign.
      </p>
      <ol>
        {steps.map((step, index) => (
          <li key={step.key}>
            <fieldset className="cad-step">
              <legend>Step {index + 1}</legend>
              <div className="cad-step-row">
                <Field
                  label="Day"
                  inputMode="numeric"
                  value={step.day}
                  onValue={(day) => update(index, { day })}
                  error={issue(`steps.${index}.dayOffset`)}
                />
                <SelectField
                  label="Type"
                  value={step.type}
                  options={TYPES}
                  onValue={(type) => update(index, { type: type as StepDraft['type'] })}
                  error={issue(`steps.${index}.type`)}
                />
                <div className="cad-step-buttons">
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => move(index, -1)}
                    disabled={index === 0}
                    aria-label={`Move step ${index + 1} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => move(index, 1)}
                    disabled={index === steps.length - 1}
                    aria-label={`Move step ${index + 1} down`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => remove(index)}
                    aria-label={`Remove step ${index + 1}`}
                  >
                    ×
                  </button>
                </div>
              </div>
              <TextAreaField
                label="Instruction"
                rows={2}
                value={step.instruction}
                onValue={(instruction) => update(index, { instruction })}
                error={issue(`steps.${index}.instruction`)}
              />
              <div className="cad-insert" role="group" aria-label={`Insert into step ${index + 1}`}>
                {TEMPLATE_FIELDS.map((f) => (
                  <button
                    key={f}
                    type="button"
                    className="sales-chip"
                    onClick={() =>
                      update(index, {
                        instruction: `${step.instruction}${step.instruction && !step.instruction.endsWith(' ') ? ' ' : ''}{{${f}}}`,
                      })
                    }
                  >
                    + {FIELD_LABELS[f]}
                  </button>
                ))}
              </div>
              {step.instruction.trim() && (
                <p className="cad-live" aria-live="polite">
                  <span className="sales-muted">Example: </span>
                  {renderTemplate(step.instruction, EXAMPLE)}
                </p>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={add}>
        + Add step
      </button>
    </div>
  );
}
