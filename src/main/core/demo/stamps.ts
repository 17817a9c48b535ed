import { uuidv7 } from '../db/ids';

/** Pieces the demo's builders share: time arithmetic in epoch ms and new-row stamps. */
export const DAY = 86_400_000;

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const isoAt = (ms: number) => new Date(ms).toISOString();

export function stamp(ms: number) {
  const at = isoAt(ms);
  return { id: uuidv7(), createdAt: at, updatedAt: at };
}

/** A demo campaign as the builders need it: its id, code, channel, run and key message. */
export type CampaignRow = {
  id: string;
  trackingCode: string;
  channel: string;
  begins: number;
  ends: number;
  keyMessage: string;
};
