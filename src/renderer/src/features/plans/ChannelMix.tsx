import { useState, type FormEvent } from 'react';
import type { Plan, PlanVsActual } from '@shared/api/plans';
import type { ApiError } from '@shared/contract/result';
import type { Channel } from '@shared/domain/utm';
import { client } from '../../lib/client';
import { useWorkspace } from '../../lib/settings';
import { useToast } from '../../ui/toast';
import { OverBudget } from '../campaigns/Meters';
import { moneyInputText, parseMoneyInput } from '@shared/domain/money-input';
import { CHANNEL_OPTIONS, channelLabel } from '../campaigns/channels';
import { asApiError, localError } from '../../lib/form-errors';

type Row = { channel: Channel; plannedBudgetMinor: number; note: string };

/** Planned budget per channel against what the plan's campaigns on that channel have spent. */
export function ChannelMix({ plan, actual }: { plan: Plan; actual: PlanVsActual | undefined }) {
  const { settings, format } = useWorkspace();
  const toast = useToast();
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [error, setError] = useState<{ channel: string; error: ApiError } | null>(null);
  const [adding, setAdding] = useState({ channel: '', amount: '' });
  const mix: Row[] = plan.channels.map((c) => ({
    channel: c.channel as Channel,
    plannedBudgetMinor: c.plannedBudgetMinor,
    note: c.note,
  }));
  const spent = new Map((actual?.channels ?? []).map((c) => [c.channel, c]));
  const unplanned = (actual?.channels ?? []).filter((c) => c.budgetSource === 'campaigns');
  const free = CHANNEL_OPTIONS.filter((o) => !mix.some((m) => m.channel === o.value));

  const save = (rows: Row[], channel: string) =>
    client.call('plans.saveChannels', { planId: plan.id, channels: rows }).then(
      () => setError(null),
      (e: unknown) => {
        setError({ channel, error: asApiError(e) });
        throw e;
      },
    );

  const commit = (channel: string) => {
    const text = edits[channel];
    if (text === undefined) return;
    const parsed = parseMoneyInput(text, settings.locale, settings.currency);
    if (!parsed.ok)
      return setError({ channel, error: localError([{ field: 'amount', message: parsed.message }]) });
    const rows = mix.map((r) =>
      r.channel === channel ? { ...r, plannedBudgetMinor: parsed.value ?? 0 } : r,
    );
    void save(rows, channel)
      .then(() => setEdits(({ [channel]: _done, ...rest }) => rest))
      .catch(() => undefined);
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const channel = (adding.channel || free[0]?.value) as Channel | undefined;
    if (!channel) return;
    const parsed = parseMoneyInput(adding.amount, settings.locale, settings.currency);
    if (!parsed.ok)
      return setError({ channel: 'new', error: localError([{ field: 'amount', message: parsed.message }]) });
    void save([...mix, { channel, plannedBudgetMinor: parsed.value ?? 0, note: '' }], 'new')
      .then(() => setAdding({ channel: '', amount: '' }))
      .catch(() => undefined);
  };
  const remove = (channel: string) => {
    void save(
      mix.filter((r) => r.channel !== channel),
      channel,
    ).then(() =>
      toast.show(`Removed ${channelLabel(channel)} from the channel mix.`, {
        action: { label: 'Undo', run: () => void save(mix, channel) },
      }),
    );
  };
  const messageFor = (channel: string) =>
    error?.channel === channel ? (error.error.issues[0]?.message ?? error.error.message) : undefined;
  const goal = plan.goals.budgetMinor;

  return (
    <section className="card" aria-labelledby="mix-heading">
      <h2 id="mix-heading">Channel mix</h2>
      <table className="data-table" aria-label="Channel mix">
        <thead>
          <tr>
            <th scope="col">Channel</th>
            <th scope="col" className="num">
              Planned ({settings.currency})
            </th>
            <th scope="col" className="num">
              Campaign budgets
            </th>
            <th scope="col" className="num">
              Spent
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {mix.map((row) => {
            const usage = spent.get(row.channel);
            const message = messageFor(row.channel);
            return (
              <tr key={row.channel}>
                <th scope="row">{channelLabel(row.channel)}</th>
                <td className="num">
                  <input
                    className="money-input"
                    inputMode="decimal"
                    aria-label={`Planned budget for ${channelLabel(row.channel)}`}
                    aria-invalid={message ? true : undefined}
                    value={
                      edits[row.channel] ??
                      moneyInputText(row.plannedBudgetMinor, settings.locale, settings.currency)
                    }
                    onChange={(e) => setEdits((all) => ({ ...all, [row.channel]: e.target.value }))}
                    onBlur={() => commit(row.channel)}
                    onKeyDown={(e) => e.key === 'Enter' && commit(row.channel)}
                  />
                  {message && (
                    <p className="field-error" role="alert">
                      {message}
                    </p>
                  )}
                </td>
                <td className="money">{format.money(usage?.campaignBudgetMinor ?? 0)}</td>
                <td className="money">
                  {format.money(usage?.spentMinor ?? 0)}
                  {usage?.overBudget && <OverBudget overspendMinor={usage.overspendMinor} />}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove ${channelLabel(row.channel)} from the mix`}
                    onClick={() => remove(row.channel)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
          {unplanned.map((c) => (
            <tr key={c.channel} className="muted-row">
              <th scope="row">{channelLabel(c.channel)}</th>
              <td className="num muted">not in the mix</td>
              <td className="money">{format.money(c.campaignBudgetMinor)}</td>
              <td className="money">
                {format.money(c.spentMinor)}
                {c.overBudget && <OverBudget overspendMinor={c.overspendMinor} />}
              </td>
              <td />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="money">{format.money(plan.channelBudgetTotalMinor)}</td>
            <td colSpan={3} className="muted">
              {goal !== null && `Plan budget ${format.money(goal)}`}
              {goal !== null && plan.channelBudgetTotalMinor > goal && (
                <span className="over-budget">
                  <span aria-hidden="true"> ⚠ </span>
                  {format.money(plan.channelBudgetTotalMinor - goal)} more planned than the budget
                </span>
              )}
            </td>
          </tr>
        </tfoot>
      </table>
      {free.length > 0 && (
        <form className="inline-add" onSubmit={add} aria-label="Add channel">
          <select
            aria-label="Channel to add"
            value={adding.channel || free[0]?.value}
            onChange={(e) => setAdding((a) => ({ ...a, channel: e.target.value }))}
          >
            {free.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <input
            inputMode="decimal"
            aria-label={`Planned budget (${settings.currency})`}
            placeholder="Planned budget"
            value={adding.amount}
            onChange={(e) => setAdding((a) => ({ ...a, amount: e.target.value }))}
            aria-invalid={messageFor('new') ? true : undefined}
          />
          <button type="submit" className="button">
            Add channel
          </button>
          {messageFor('new') && (
            <p className="field-error" role="alert">
              {messageFor('new')}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
