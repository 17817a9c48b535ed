import { useRef, useState, type DragEvent, type RefObject } from 'react';
import { useWorkspace } from '../../lib/settings';
import type { Reading, Rejection } from './useFileChoice';

interface Props {
  reading: Reading | null;
  rejection: Rejection | null;
  /** True once something has been imported: the teaching text gets shorter. */
  compact: boolean;
  onChoose(): void;
  onFile(file: File): void;
  onDismiss(): void;
  inputRef: RefObject<HTMLInputElement | null>;
}

const SOURCES =
  'HubSpot or Google contacts, Pipedrive deals, Shopify orders, Stripe payments, GA4 traffic, Mailchimp, Meta ads, LinkedIn page analytics';

/** The way in: what can be imported, one primary button, and a drop zone for a file from the desktop. */
export function StartPanel({ reading, rejection, compact, onChoose, onFile, onDismiss, inputRef }: Props) {
  const { format } = useWorkspace();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };

  return (
    <section className="import-start" aria-labelledby="import-start-title">
      <div
        className={`drop-zone${over ? ' drop-over' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault();
          depth.current += 1;
          setOver(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => {
          depth.current = Math.max(0, depth.current - 1);
          if (depth.current === 0) setOver(false);
        }}
        onDrop={drop}
      >
        <h2 id="import-start-title">
          {compact ? 'Import another file' : 'Bring in the exports you already have'}
        </h2>
        <p className="muted">
          {SOURCES}. Any other CSV or Excel file works too: you tell Tandem which column is what.
          {!compact && ' Nothing is written until you confirm, and every import can be undone.'}
        </p>
        <div className="drop-actions">
          <button type="button" className="button primary" onClick={onChoose} disabled={reading !== null}>
            Choose a file…
          </button>
          <span className="muted">or drop it here</span>
        </div>
        <input
          ref={inputRef}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="File to import"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
      </div>
      {reading && (
        <p className="import-reading" role="status">
          {reading.sent !== null && reading.sent < reading.size
            ? `Sending ${reading.name} to Tandem… ${format.percent(reading.size ? reading.sent / reading.size : 1)}`
            : `Reading ${reading.name}…`}
        </p>
      )}
      {rejection && (
        <div className="import-rejection" role="alert">
          <h3>
            <span aria-hidden="true">⚠ </span>
            {rejection.name} can’t be imported
          </h3>
          <p>{rejection.message}</p>
          <p className="muted">
            Nothing was changed. Export the file again as CSV or Excel (.xlsx), or choose another one.
          </p>
          <button type="button" className="button-link" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </section>
  );
}
