import type Database from 'better-sqlite3';
import { uuidv7 } from '../src/main/core/db/ids';
import { phoneKey } from '@shared/domain/phone';
import { companyKey, emailKey } from '../src/main/core/contacts/keys';
import { defaultMigrationsFolder } from '../src/main/core/db/open';
import { loadMigrations } from '../src/main/core/db/migrate';
import { createRandom } from '../src/main/core/demo/random';

function words(text: string): string[] {
  return text.split(' ');
}

function lines(text: string): string[] {
  return text.split('|');
}

/** Words the generated records are made of; the search figure queries the same vocabulary. */
export const VOCAB = {
  first: words(
    'Aria Noah Mia Liam Zoe Ethan Ava Lucas Emma Owen Isla Jonah Nora Felix Ruby Hugo Clara Theo Maya Eli',
  ),
  last: words(
    'Dubois Sargent Whitcomb Lefevre Adams Baker Chen Murphy Novak Okafor Larsen Moreau Haddad Kowalski Silva Tanaka Fischer Rossi Quinn Bishop',
  ),
  place: words(
    'Harbor Tidewater Pemaquid Granite Juniper Lighthouse Cedar Anchor Driftwood Saltmarsh Bayside Maple Northwind Kettle Copper',
  ),
  kind: words('Cafe Roasters Bakery Bistro Market Kitchen Grocers Deli Tavern Hotel'),
  deal: lines(
    'house blend supply|espresso program|office coffee|retail shelf|cold brew kegs|wholesale tasting|decaf trial|holiday gift boxes',
  ),
  subject: lines(
    'Intro call|Send samples|Follow up on tasting|Price list|Delivery schedule|Proposal review|Check in|Barista training|Invoice question|Grinder setup',
  ),
  note: lines(
    'asked about volumes|prefers Friday delivery|comparing with another roaster|loved the Ethiopian|needs a decaf option|budget approved next quarter|wants oat milk pairing|manager on holiday',
  ),
  city: words('Portland Bath Bristol Camden Belfast Rockland Damariscotta Brunswick'),
};

const CHANNELS = ['social', 'email', 'web', 'ads', 'event', 'referral', 'other'];
const DAY = 86_400_000;

export interface Scale {
  leads: number;
  activities: number;
  companies: number;
  campaigns: number;
}

/**
 * Fills an empty Tandem database with one contact per lead, companies, campaigns, leads spread over the
 * stages and activities (mostly done, about one in ten open around `today`), with raw prepared statements
 * in one transaction. The search triggers are dropped during the load and the index is then filled in one
 * pass by the migration's own statements, as when an existing database is migrated.
 */
export function generateSalesData(
  sqlite: Database.Database,
  today: string,
  scale: Scale,
  seed = 20261015,
): void {
  const rnd = createRandom(seed);
  const now = Date.parse(`${today}T12:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString();
  const stages = sqlite.prepare('SELECT id, outcome FROM pipeline_stages ORDER BY position').all() as {
    id: string;
    outcome: string;
  }[];
  const triggers = sqlite
    .prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_%'`)
    .all() as { sql: string }[];

  sqlite.transaction(() => {
    for (const name of sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_search_%'`)
      .all() as { name: string }[]) {
      sqlite.exec(`DROP TRIGGER "${name.name}"`);
    }
    const insCampaign = sqlite.prepare(
      `INSERT INTO campaigns (id, name, channel, objective, status, start_date, key_message, created_at, updated_at)
       VALUES (?, ?, ?, 'leads', ?, ?, ?, ?, ?)`,
    );
    const campaigns: string[] = [];
    for (let i = 0; i < scale.campaigns; i++) {
      const id = uuidv7();
      const start = now - rnd.int(-10, 300) * DAY;
      insCampaign.run(
        id,
        `${rnd.pick(VOCAB.place)} ${rnd.pick(['launch', 'tasting', 'newsletter', 'fair', 'promo'])} ${i}`,
        rnd.pick(CHANNELS),
        start > now ? 'planned' : 'active',
        iso(start).slice(0, 10),
        'Roasted Monday, delivered Friday',
        iso(start),
        iso(start),
      );
      campaigns.push(id);
    }
    const insCompany = sqlite.prepare(
      'INSERT INTO companies (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const companies: string[] = [];
    for (let i = 0; i < scale.companies; i++) {
      const id = uuidv7();
      const name = `${rnd.pick(VOCAB.place)} ${rnd.pick(VOCAB.kind)} ${i}`;
      const at = iso(now - rnd.int(30, 700) * DAY);
      insCompany.run(id, name, companyKey(name), at, at);
      companies.push(id);
    }
    const insContact = sqlite.prepare(
      `INSERT INTO contacts (id, company_id, first_name, last_name, email, email_key, phone, phone_key, city, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insLead = sqlite.prepare(
      `INSERT INTO leads (id, title, contact_id, company_id, campaign_id, channel, stage_id, value_minor, expected_close_date,
         owner, rating, rated_by, rated_at, lost_reason, closed_at, board_rank, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insHistory = sqlite.prepare(
      `INSERT INTO lead_stage_history (id, lead_id, from_stage_id, to_stage_id, changed_at, created_at, updated_at)
       VALUES (?, ?, NULL, ?, ?, ?, ?)`,
    );
    const insActivity = sqlite.prepare(
      `INSERT INTO activities (id, lead_id, contact_id, type, subject, notes, due_at, done_at, outcome, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const perLead = scale.activities / scale.leads;
    let activitiesLeft = scale.activities;
    for (let i = 0; i < scale.leads; i++) {
      const created = now - rnd.int(1, 720) * DAY - rnd.int(0, DAY - 1);
      const at = iso(created);
      const first = rnd.pick(VOCAB.first);
      const last = rnd.pick(VOCAB.last);
      const company = rnd.chance(0.7) ? rnd.pick(companies) : null;
      const email = `${first}.${last}.${i}@example.com`.toLowerCase();
      const phone = `(207) 5${String(i).padStart(6, '0').slice(0, 2)}-${String(i).padStart(6, '0').slice(2)}`;
      const contactId = uuidv7();
      insContact.run(
        contactId,
        company,
        first,
        last,
        email,
        emailKey(email),
        phone,
        phoneKey(phone),
        rnd.pick(VOCAB.city),
        at,
        at,
      );
      const stage = rnd.chance(0.6) ? rnd.pick(stages.slice(0, 4)) : rnd.pick(stages);
      const campaign = rnd.chance(0.8) ? rnd.pick(campaigns) : null;
      const closed = stage.outcome !== 'open';
      const rating = rnd.chance(0.6) ? rnd.int(1, 5) : null;
      const leadId = uuidv7();
      insLead.run(
        leadId,
        `${first} ${last} - ${rnd.pick(VOCAB.deal)}`,
        contactId,
        company,
        campaign,
        campaign ? rnd.pick(CHANNELS) : 'unknown',
        stage.id,
        rnd.int(5, 600) * 1000,
        iso(created + rnd.int(20, 90) * DAY).slice(0, 10),
        rnd.pick(['Sam', 'Alex', 'You']),
        rating,
        rating ? 'You' : null,
        rating ? at : null,
        stage.outcome === 'lost' ? 'Went with another roaster' : null,
        closed ? iso(created + 30 * DAY) : null,
        i * 1024,
        at,
        at,
      );
      insHistory.run(uuidv7(), leadId, stage.id, at, at, at);
      const n =
        i === scale.leads - 1
          ? activitiesLeft
          : Math.min(activitiesLeft, Math.round(perLead * (0.5 + rnd.next())));
      activitiesLeft -= n;
      for (let k = 0; k < n; k++) {
        const open = !closed && rnd.chance(0.1);
        const due = open ? now + rnd.int(-30, 30) * DAY : created + rnd.int(0, 60) * DAY;
        const type = rnd.pick(['call', 'email', 'meeting', 'note', 'task', 'linkedin']);
        insActivity.run(
          uuidv7(),
          leadId,
          contactId,
          type,
          rnd.pick(VOCAB.subject),
          rnd.chance(0.5) ? `${first} ${rnd.pick(VOCAB.note)}` : '',
          iso(Math.floor(due / DAY) * DAY + rnd.int(8, 17) * 3_600_000),
          open ? null : iso(due),
          open ? null : rnd.pick(['Interested', 'Voicemail', 'Sent', 'Booked']),
          at,
          at,
        );
      }
    }
    rebuildSearchIndex(sqlite);
    for (const trigger of triggers) sqlite.exec(trigger.sql);
  })();
}

/** Replays the index fill of migration 0002_search (its INSERT statements), for rows loaded without triggers. */
function rebuildSearchIndex(sqlite: Database.Database): void {
  const fill = loadMigrations(defaultMigrationsFolder())
    .flatMap((m) => m.sql)
    .filter((statement) => /^\s*INSERT INTO search_(refs|index)\b/.test(statement));
  if (fill.length !== 8)
    throw new Error(`expected the search migration's 8 fill statements, found ${fill.length}`);
  for (const statement of fill) sqlite.exec(statement);
}
