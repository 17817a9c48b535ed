import { Dialog } from 'radix-ui';
import type { CurrencyPreview } from '@shared/api/settings';
import { useWorkspace } from '../../lib/settings';
import { currencyChangeText } from './currencyChange';

/**
 * Asks before a currency change that would relabel money: nothing is converted, so it says what keeps its
 * numbers under the new name and which imported sales it leaves out or starts counting.
 */
export function CurrencyDialog({
  preview,
  onCancel,
  onConfirm,
}: {
  preview: CurrencyPreview | null;
  onCancel(): void;
  onConfirm(): void;
}) {
  const { settings, format } = useWorkspace();
  const text = preview && currencyChangeText(preview, settings.locale, format);
  return (
    <Dialog.Root open={preview !== null} onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="panel-overlay" />
        <Dialog.Content className="backup-dialog currency-dialog" aria-describedby="currency-dialog-what">
          <Dialog.Title>
            Change the currency from {preview?.from} to {preview?.to}?
          </Dialog.Title>
          {preview && text && (
            <>
              <p id="currency-dialog-what">
                Amounts keep their numbers; nothing is converted. A budget of {format.money(500_00)} becomes{' '}
                {new Intl.NumberFormat(settings.locale, { style: 'currency', currency: preview.to }).format(
                  500,
                )}
                .
              </p>
              {text.relabelled.length > 0 && (
                <ul aria-label="Keeps its numbers">
                  {text.relabelled.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              {text.excludedAfter.length > 0 && (
                <Sales
                  title={`Imported sales in ${preview.from} stay in ${preview.from} and are left out of revenue:`}
                  lines={text.excludedAfter}
                />
              )}
              {text.stillExcluded.length > 0 && (
                <Sales title="Imported sales in other currencies stay left out:" lines={text.stillExcluded} />
              )}
              {text.includedAfter.length > 0 && (
                <Sales title={`Imported sales in ${preview.to} start to count:`} lines={text.includedAfter} />
              )}
              <p className="field-hint">You can undo the change afterwards (Ctrl/⌘+Z).</p>
              <div className="form-actions">
                <button type="button" className="button" onClick={onCancel}>
                  Keep {preview.from}
                </button>
                <button type="button" className="button primary" onClick={onConfirm}>
                  Change to {preview.to}
                </button>
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function Sales({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div>
      <p>{title}</p>
      <ul aria-label={title}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
