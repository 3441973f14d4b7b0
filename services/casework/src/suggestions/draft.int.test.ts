// Intake and drafting against real stores: concurrent duplicate submissions, and a draft cut short by a crash.
import type { Principal } from '@liaison/auth';
import { CommandHandler } from '@liaison/decider';
import { SqlEventStore } from '@liaison/eventstore';
import { PersonalData, SqlKeyVault } from '@liaison/personal-data';
import { Projector } from '@liaison/projector';
import { SqlReadStore } from '@liaison/readstore';
import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { handlingUnitDecider } from '../units/decider.js';
import { HandlingUnitService } from '../units/service.js';
import { opinionDecider } from '../opinions/decider.js';
import { opinionsProjection } from '../opinions/projection.js';
import { OpinionService, type ReceiveOpinionInput } from '../opinions/service.js';
import { newEntityId } from '../shared/ids.js';
import { metadataFor } from '../shared/command-metadata.js';
import { DEFAULT_CASEWORK_SETTINGS, type CaseworkDeps } from '../shared/module-deps.js';
import { sameForEveryOffice, weekdayCalendar } from '../shared/working-days.js';
import { suggestionDecider } from './decider.js';
import { suggestionStream } from './events.js';
import { SuggestionService } from './service.js';

const staff: Principal = { userId: 'staff-1', roles: ['station-staff'], jurisdictionId: 't1' };
const now = '2026-03-02T02:00:00.000Z';

describe.each(testSqlTargets())('intake and drafting on $name', (target) => {
  let sql: SqlClient;
  let eventStore: SqlEventStore;
  let readStore: SqlReadStore;
  let projector: Projector;
  let opinions: OpinionService;
  let suggestions: SuggestionService;
  let deps: CaseworkDeps;

  const input = (text: string, phone: string | null): ReceiveOpinionInput => ({
    channel: 'phone',
    stationId: 's1',
    deputyIds: [],
    observerId: null,
    openingBoxId: null,
    category: 'roads',
    location: '',
    text,
    attachments: [],
    anonymous: phone === null,
    consentToContact: phone !== null,
    contact: { name: phone && '钱九', phone, idNumber: null, address: null },
  });

  beforeAll(async () => {
    sql = await target.open();
    eventStore = await SqlEventStore.open(sql);
    readStore = await SqlReadStore.open(sql);
    // The liaison service's public station directory, as casework reads it.
    await readStore.createCollection('stations__v1_test', {
      name: 'stations',
      fields: { status: { kind: 'string' } },
    });
    await readStore.setAlias('stations', 'stations__v1_test');
    await readStore.commit([
      {
        collection: 'stations__v1_test',
        id: 's1',
        position: 1,
        document: { id: 's1', status: 'open', jurisdictionId: 't1', jurisdictionPath: '/p/t1/' },
      },
    ]);
    deps = {
      readStore,
      personalData: new PersonalData(await SqlKeyVault.open(sql)),
      calendars: sameForEveryOffice(weekdayCalendar),
      settings: DEFAULT_CASEWORK_SETTINGS,
      waitForPosition: (position, timeoutMs) => projector.waitFor(position, timeoutMs),
      readYourWritesTimeoutMs: 5000,
      now: () => new Date(now),
    };
    projector = new Projector(eventStore, readStore, [opinionsProjection]);
    await projector.start();
    opinions = new OpinionService(new CommandHandler(eventStore, opinionDecider), deps);
    suggestions = new SuggestionService(
      new CommandHandler(eventStore, suggestionDecider),
      opinions,
      new HandlingUnitService(new CommandHandler(eventStore, handlingUnitDecider), deps),
      deps,
    );
  });

  afterAll(async () => {
    await projector.stop();
    await eventStore.close();
    await readStore.close();
    await target.dispose(sql);
  });

  it('keeps one opinion when the same voter sends the same text from several processes at once', async () => {
    // separate services: separate handler caches, as separate gateway processes would have
    const services = Array.from(
      { length: 4 },
      () => new OpinionService(new CommandHandler(eventStore, opinionDecider), deps),
    );
    const outcomes = await Promise.all(
      services.map((service, i) =>
        service.receive(
          staff,
          input('Broken kerb at the market', '13812345678'),
          metadataFor({ commandId: `dup-${i}`, now }),
        ),
      ),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(new Set(outcomes.map((outcome) => outcome.trackingCode)).size).toBe(1);
    const received = (await eventStore.readAll()).filter(
      (event) =>
        event.type === 'OpinionReceived' &&
        (event.data as { text: string }).text === 'Broken kerb at the market',
    );
    expect(received).toHaveLength(1);
  });

  it('completes a draft cut short between the suggestion and its opinions when the command is re-sent', async () => {
    const a = await opinions.receive(
      staff,
      input('Flooded underpass', null),
      metadataFor({ commandId: 'in-a', now }),
    );
    const b = await opinions.receive(
      staff,
      input('Underpass floods again', '13911112222'),
      metadataFor({ commandId: 'in-b', now }),
    );
    if (!a.ok || !b.ok) throw new Error('intake failed');
    await projector.waitFor(Math.max(a.globalPosition, b.globalPosition), 5000);
    const draft = {
      title: 'Underpass drainage',
      summary: 'Clear the drains',
      category: 'drainage',
      tier: 'township' as const,
      opinionIds: [a.opinionId, b.opinionId],
      deputyIds: [],
    };

    // The crash: the suggestion was written, the opinions were never marked.
    const suggestionId = newEntityId('draft-1', 'suggestion');
    const opinionFacts = [a, b].map((o) => ({
      opinionId: o.opinionId,
      status: 'pending' as const,
      voterId: newEntityId(o.opinionId, 'voter'),
      consentToContact: o === b,
      channel: 'online' as const,
      stationId: 's1',
      jurisdictionId: 't1',
      jurisdictionPath: '/p/t1/',
    }));
    await new CommandHandler(eventStore, suggestionDecider).handle(suggestionStream(suggestionId), {
      type: 'DraftSuggestion',
      data: { suggestionId, ...draft, opinions: opinionFacts },
      metadata: metadataFor({ commandId: 'draft-1', now }),
    });
    expect((await opinions.state(a.opinionId)).status).toBe('pending');

    const resent = await suggestions.draft(staff, draft, metadataFor({ commandId: 'draft-1', now }));
    expect(resent).toMatchObject({ ok: true, suggestionId });
    expect(await opinions.state(a.opinionId)).toMatchObject({ status: 'in-suggestion', suggestionId });
    expect(await opinions.state(b.opinionId)).toMatchObject({ status: 'in-suggestion', suggestionId });
    // and once more: nothing new, still fine
    const again = await suggestions.draft(staff, draft, metadataFor({ commandId: 'draft-1', now }));
    expect(again.ok).toBe(true);
    const drafted = (await eventStore.readAll()).filter((event) => event.type === 'SuggestionDrafted');
    expect(drafted).toHaveLength(1);

    // another suggestion cannot take them
    const other = await suggestions.draft(staff, draft, metadataFor({ commandId: 'draft-2', now }));
    expect(other).toMatchObject({ ok: false, error: { code: 'OPINION_NOT_PENDING' } });
  });
});
