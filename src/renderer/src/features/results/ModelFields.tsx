import {
  ATTRIBUTION_MODELS,
  LOOKBACK_DAYS,
  MODEL_LABELS,
  type AttributionModel,
} from '@shared/domain/attribution';

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

interface Props {
  model: AttributionModel;
  lookbackDays: number;
  onChange(patch: { model?: AttributionModel; lookbackDays?: number }): void;
}

/** The attribution model and lookback pickers, the same on Results and Reports. */
export function ModelFields({ model, lookbackDays, onChange }: Props) {
  return (
    <>
      <label className="control">
        <span>Attribution model</span>
        <select value={model} onChange={(e) => onChange({ model: e.target.value as AttributionModel })}>
          {ATTRIBUTION_MODELS.map((m) => (
            <option key={m} value={m}>
              {capitalised(MODEL_LABELS[m])}
            </option>
          ))}
        </select>
      </label>
      <label className="control">
        <span>Lookback</span>
        <select value={lookbackDays} onChange={(e) => onChange({ lookbackDays: Number(e.target.value) })}>
          {LOOKBACK_DAYS.map((d) => (
            <option key={d} value={d}>
              {d} days
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
