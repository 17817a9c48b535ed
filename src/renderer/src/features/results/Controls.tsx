import {
  ATTRIBUTION_MODELS,
  MODEL_LABELS,
  NO_DATA_DRIVEN_MODEL,
  type AttributionModel,
} from '@shared/domain/attribution';
import { capitalised, ModelFields } from './ModelFields';
import type { ResultsOptions } from './options';

const MODEL_HELP: Record<AttributionModel, string> = {
  first: 'All the credit goes to the touch that first brought the customer in.',
  last: 'All the credit goes to the last touch before the sale.',
  linear: 'Every touch in the window gets an equal share.',
  position: '40 % to the first touch, 40 % to the last, 20 % shared by the touches in between.',
  time_decay: 'Recent touches count more: a touch a week older gets half the weight.',
};

/** Comparison, attribution model and lookback for the whole screen, with what each model means. */
export function Controls({
  options,
  onChange,
}: {
  options: ResultsOptions;
  onChange(patch: Partial<ResultsOptions>): void;
}) {
  return (
    <div className="results-controls" role="group" aria-label="How the numbers are counted">
      <label className="control">
        <span>Compare with</span>
        <select
          value={options.compare}
          onChange={(e) => onChange({ compare: e.target.value as ResultsOptions['compare'] })}
        >
          <option value="previous">Previous period</option>
          <option value="year">Same period last year</option>
        </select>
      </label>
      <ModelFields model={options.model} lookbackDays={options.lookbackDays} onChange={onChange} />
      {options.model === 'last' && (
        <label className="control checkbox">
          <input
            type="checkbox"
            checked={options.lastNonDirect}
            onChange={(e) => onChange({ lastNonDirect: e.target.checked })}
          />
          <span>Skip Direct visits</span>
        </label>
      )}
      <details className="model-help">
        <summary>What do the models mean?</summary>
        <div className="model-help-body">
          <dl>
            {ATTRIBUTION_MODELS.map((m) => (
              <div key={m} className={m === options.model ? 'current' : undefined}>
                <dt>{capitalised(MODEL_LABELS[m])}</dt>
                <dd>{MODEL_HELP[m]}</dd>
              </div>
            ))}
          </dl>
          <p className="muted">
            The lookback is how far before a sale a touch may be and still get credit; a sale with no touch in
            it shows as Unattributed, so nothing is dropped. {NO_DATA_DRIVEN_MODEL}
          </p>
        </div>
      </details>
    </div>
  );
}
