import type Database from 'better-sqlite3';
import { uuidv7 } from '../../db/ids';
import { CHANNELS, slugify, uniqueCode, type Channel } from '@shared/domain/utm';
import { prepared } from '../../db/prepared';
import { guessChannel, nameFromCode } from '../build/utm';
import type { campaigns } from '../../db/schema';
import type { Row } from '../../db/typed';

export type CampaignRef = Row<typeof campaigns, 'id' | 'channel'>;

export interface CampaignHint {
  channel?: string | null;
  medium?: string | null;
  source?: string | null;
}

const isChannel = (c: string | null | undefined): c is Channel =>
  !!c && (CHANNELS as readonly string[]).includes(c);

/**
 * Finds campaigns by tracking code (or name) for one job, creating a draft for each code it does not know so
 * the imported numbers are attributed at once; the job's summary lists those drafts as new campaigns.
 */
export class CampaignResolver {
  private readonly byCodeCache = new Map<string, CampaignRef>();
  private readonly byNameCache = new Map<string, CampaignRef | null>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly jobId: string,
    private readonly now: () => string,
  ) {}

  /** The campaign with this tracking code; a soft-deleted one still owns its code (the code is unique). */
  byCode(code: string, hint: CampaignHint = {}): CampaignRef {
    const cached = this.byCodeCache.get(code);
    if (cached) return cached;
    const found = prepared(this.sqlite, 'SELECT id, channel FROM campaigns WHERE tracking_code = ?').get(
      code,
    ) as CampaignRef | undefined;
    const ref = found ?? this.create(nameFromCode(code), code, hint);
    this.byCodeCache.set(code, ref);
    return ref;
  }

  /** A live campaign whose name matches (ignoring case), or null. */
  byName(name: string): CampaignRef | null {
    const key = name.trim().toLowerCase();
    if (this.byNameCache.has(key)) return this.byNameCache.get(key) ?? null;
    const found = prepared(
      this.sqlite,
      'SELECT id, channel FROM campaigns WHERE lower(name) = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
    ).get(key) as CampaignRef | undefined;
    this.byNameCache.set(key, found ?? null);
    return found ?? null;
  }

  /** A draft campaign named `name`, with a code made from it. */
  createNamed(name: string, hint: CampaignHint = {}): CampaignRef {
    const taken = prepared(this.sqlite, 'SELECT 1 FROM campaigns WHERE tracking_code = ?');
    const code = uniqueCode(slugify(name), (c) => taken.get(c) !== undefined);
    const ref = this.create(name.trim(), code, hint);
    this.byNameCache.set(name.trim().toLowerCase(), ref);
    this.byCodeCache.set(code, ref);
    return ref;
  }

  private create(name: string, code: string, hint: CampaignHint): CampaignRef {
    const channel = isChannel(hint.channel) ? hint.channel : guessChannel(hint.medium, hint.source);
    const id = uuidv7();
    const at = this.now();
    prepared(
      this.sqlite,
      `INSERT INTO campaigns (id, name, channel, objective, status, tracking_code, import_job_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
    ).run(
      id,
      name,
      channel,
      channel === 'social' || channel === 'web' ? 'awareness' : 'leads',
      code,
      this.jobId,
      at,
      at,
    );
    return { id, channel };
  }
}
