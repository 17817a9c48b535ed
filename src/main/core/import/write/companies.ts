import type Database from 'better-sqlite3';
import { uuidv7 } from '../../db/ids';
import { companyKey } from '../../contacts/keys';
import { prepared } from '../../db/prepared';
import type { companies } from '../../db/schema';
import type { Row } from '../../db/typed';

/** Bounded so a file naming a company per row does not grow memory with the file. */
const CACHE_LIMIT = 50_000;

/** Finds companies by name the way the app matches them (case, punctuation and legal suffixes ignored). */
export class CompanyResolver {
  private readonly cache = new Map<string, string>();

  constructor(
    private readonly sqlite: Database.Database,
    private readonly jobId: string,
    private readonly now: () => string,
  ) {}

  /** The company's id, created (as part of the job) when no live company has the name. */
  idFor(name: string): string | null {
    const trimmed = name.trim();
    if (!trimmed) return null;
    const key = companyKey(trimmed) || trimmed.toLowerCase();
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = prepared(
      this.sqlite,
      'SELECT id FROM companies WHERE name_key = ? AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
    ).get(key) as Row<typeof companies, 'id'> | undefined;
    let id = found?.id;
    if (!id) {
      id = uuidv7();
      const at = this.now();
      prepared(
        this.sqlite,
        'INSERT INTO companies (id, name, name_key, import_job_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(id, trimmed, key, this.jobId, at, at);
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, id);
    return id;
  }
}
