/**
 * Which channel a sale came through, for lining a channel's visits up with that channel's sales.
 *
 * The rule is last touch, whole sales (a sale is counted for one channel or for none, never split):
 * 1. the sale's own campaign (an order's utm_campaign, a payment's campaign) names its channel;
 * 2. else the channel of the customer's last touch that names a channel, at or before the sale and less
 *    than `lookbackDays` before it;
 * 3. else no channel: the sale still counts for the business, never for a channel.
 * Touches without a channel are passed over rather than ending the search, like "last non-direct".
 */

export interface ChannelTouch {
  /** ISO instant. */
  at: string;
  channel: string | null;
}

export interface SaleForChannel {
  /** ISO instant of the order or payment. */
  at: string;
  /** The channel of the sale's own campaign, when it has one. */
  ownChannel: string | null;
}

const DAY_MS = 86_400_000;

/**
 * `touches` in any order (of two at the same instant the later in the list wins, so pass the log in its own
 * order); returns the channel, or null when the sale has none.
 */
export function saleChannel(
  sale: SaleForChannel,
  touches: readonly ChannelTouch[],
  lookbackDays: number,
): string | null {
  if (!(lookbackDays > 0))
    throw new RangeError(`lookback must be a positive number of days, got ${lookbackDays}`);
  if (sale.ownChannel) return sale.ownChannel;
  const at = Date.parse(sale.at);
  if (Number.isNaN(at)) throw new RangeError(`sale: expected an ISO instant, got "${sale.at}"`);
  const since = at - lookbackDays * DAY_MS;
  let best: { ms: number; channel: string } | null = null;
  for (const touch of touches) {
    if (!touch.channel) continue;
    const ms = Date.parse(touch.at);
    if (ms > at || ms <= since) continue;
    if (best === null || ms >= best.ms) best = { ms, channel: touch.channel };
  }
  return best?.channel ?? null;
}
