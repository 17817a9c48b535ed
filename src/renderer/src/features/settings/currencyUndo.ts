import { client } from '../../lib/client';
import type { Undoable } from '../../lib/undo';

/** A currency change from `from` to `to`, for the undo history: each way only from the currency it left. */
export function currencyChangeEntry(from: string, to: string): Undoable {
  return {
    label: `changed the currency from ${from} to ${to}`,
    undo: () => client.call('settings.switchCurrency', { expect: to, currency: from }),
    redo: () => client.call('settings.switchCurrency', { expect: from, currency: to }),
  };
}
