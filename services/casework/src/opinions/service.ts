// Opinion use cases: intake from every channel (sealing the voter's contact), duplicates, rate limits, triage.
import type { Principal } from '@liaison/auth';
import {
  domainError,
  type CommandHandler,
  type CommandMetadata,
  type CommandOutcome,
} from '@liaison/decider';
import type { ReadStore } from '@liaison/readstore';
import { assertCoversPath } from '../shared/access.js';
import { newEntityId } from '../shared/ids.js';
import type { CaseworkDeps } from '../shared/module-deps.js';
import type { OpinionCommand, ReceiveOpinionData } from './commands.js';
import type { OpinionState } from './decider.js';
import {
  opinionStream,
  type AnswerBasis,
  type Channel,
  type OpinionEvent,
  type OpinionVoter,
  type VoterContact,
} from './events.js';
import { duplicateOpinionId, normalisePhone, trackingCodeFor, voterKeyOf } from './intake-keys.js';
import { RateLimiter } from './rate-limiter.js';

export type OpinionHandler = CommandHandler<OpinionState, OpinionCommand, OpinionEvent>;

export interface ReceiveOpinionInput {
  channel: Channel;
  stationId: string;
  deputyIds: string[];
  observerId: string | null;
  openingBoxId: string | null;
  category: string;
  location: string;
  text: string;
  attachments: string[];
  anonymous: boolean;
  consentToContact: boolean;
  contact: VoterContact;
}

export type ReceiveOutcome = CommandOutcome & {
  opinionId: string;
  trackingCode: string;
  /** True when the same voter sent the same text moments ago: the earlier opinion is returned. */
  duplicate: boolean;
};

/** The station read model fields intake needs (the liaison service's public `stations` collection). */
interface StationFacts {
  id: string;
  status: 'open' | 'closed';
  jurisdictionId: string;
  jurisdictionPath: string;
}

const PHONE = /^\+?[0-9][0-9\s-]{4,19}$/;
const ID_NUMBER = /^[0-9]{17}[0-9Xx]$/;

/** Checks and trims contact details at the edge, before they are sealed and no one can look at them again. */
function validContact(contact: VoterContact, anonymous: boolean) {
  const trimmed: VoterContact = {
    name: contact.name?.trim() || null,
    phone: contact.phone?.trim() || null,
    idNumber: contact.idNumber?.trim().toUpperCase() || null,
    address: contact.address?.trim() || null,
  };
  const given = Object.values(trimmed).some((value) => value !== null);
  if (anonymous) {
    return given
      ? domainError('ANONYMOUS_WITH_CONTACT', 'an anonymous voter leaves no contact details', ['voter'])
      : null;
  }
  if (!trimmed.name && !trimmed.phone)
    return domainError('CONTACT_REQUIRED', 'an identified voter gives at least a name or a phone number', [
      'voter',
    ]);
  if (trimmed.name && trimmed.name.length > 50)
    return domainError('INVALID_NAME', 'expected a name of at most 50 characters', ['voter', 'name']);
  if (trimmed.phone && !PHONE.test(trimmed.phone))
    return domainError('INVALID_PHONE', 'expected a phone number of 5 to 20 digits', ['voter', 'phone']);
  if (trimmed.idNumber && !ID_NUMBER.test(trimmed.idNumber))
    return domainError('INVALID_ID_NUMBER', 'expected an 18-character resident ID number', [
      'voter',
      'idNumber',
    ]);
  if (trimmed.address && trimmed.address.length > 200)
    return domainError('INVALID_ADDRESS', 'expected an address of at most 200 characters', [
      'voter',
      'address',
    ]);
  return trimmed;
}

export class OpinionService {
  private readonly publicLimiter: RateLimiter;
  private readonly voterLimiter: RateLimiter;

  constructor(
    private readonly handler: OpinionHandler,
    private readonly deps: CaseworkDeps,
  ) {
    this.publicLimiter = new RateLimiter(deps.settings.publicIntakePerMinute, 60_000);
    this.voterLimiter = new RateLimiter(deps.settings.publicIntakePerVoterPerHour, 3_600_000);
  }

  private get readStore(): ReadStore {
    return this.deps.readStore;
  }

  /** Receives an opinion; `actor` null is the public online station (no account), limited and online only. */
  async receive(
    actor: Principal | null,
    input: ReceiveOpinionInput,
    metadata: CommandMetadata,
  ): Promise<ReceiveOutcome> {
    const { settings } = this.deps;
    const nowMs = Date.parse(metadata.now);
    const fallbackId = newEntityId(metadata.commandId, 'opinion');
    const fail = (error: ReturnType<typeof domainError>): ReceiveOutcome => ({
      ok: false,
      error,
      opinionId: fallbackId,
      trackingCode: '',
      duplicate: false,
    });

    const contact = validContact(input.contact, input.anonymous);
    if (contact && 'kind' in contact) return fail(contact);
    const voterKey = contact ? voterKeyOf(settings.intakeSecret, contact.phone, contact.idNumber) : null;

    if (actor === null) {
      if (input.channel !== 'online')
        return fail(
          domainError(
            'PUBLIC_CHANNEL_ONLY_ONLINE',
            'without an account only the online station takes opinions',
            ['channel'],
          ),
        );
      if (voterKey && !this.voterLimiter.take(voterKey, nowMs))
        return fail(
          domainError(
            'RATE_LIMITED',
            `too many opinions from this phone number; try again in ${Math.ceil(this.voterLimiter.retryAfter(voterKey, nowMs) / 60_000)} minutes`,
          ),
        );
      if (!this.publicLimiter.take('public', nowMs))
        return fail(
          domainError(
            'RATE_LIMITED',
            'the online station is receiving too many opinions; try again in a minute',
          ),
        );
    }

    // Scope first: nobody learns of opinions at a station outside their jurisdiction.
    const [station] = await this.readStore.load<StationFacts & Record<string, unknown>>('stations', [
      input.stationId,
    ]);
    if (station && actor) assertCoversPath(actor, station.jurisdictionPath, `station ${input.stationId}`);

    // The same voter sending the same text again within the window finds the first opinion.
    const windowMs = settings.duplicateWindowMinutes * 60_000;
    const window = Math.floor(nowMs / windowMs);
    for (const candidate of [window, window - 1]) {
      const id = duplicateOpinionId(settings.intakeSecret, voterKey, input.text, candidate);
      if (id === null) break;
      const existing = await this.handler.state(opinionStream(id));
      if (existing.state.status !== 'none') {
        return {
          ok: true,
          streamId: opinionStream(id),
          streamVersion: existing.version,
          globalPosition: 0,
          eventCount: 0,
          duplicate: true,
          opinionId: id,
          trackingCode: trackingCodeFor(settings.intakeSecret, id),
        };
      }
    }
    const opinionId = duplicateOpinionId(settings.intakeSecret, voterKey, input.text, window) ?? fallbackId;
    const trackingCode = trackingCodeFor(settings.intakeSecret, opinionId);

    const voterId = newEntityId(opinionId, 'voter');
    const voter: OpinionVoter = {
      voterId,
      anonymous: input.anonymous,
      consentToContact: input.consentToContact,
      contact: contact
        ? await this.deps.personalData.seal(voterId, {
            ...contact,
            phone: contact.phone && normalisePhone(contact.phone),
          })
        : null,
    };
    const data: ReceiveOpinionData = {
      opinionId,
      trackingCode,
      channel: input.channel,
      station: station
        ? {
            stationId: station.id,
            jurisdictionId: station.jurisdictionId,
            jurisdictionPath: station.jurisdictionPath,
            open: station.status === 'open',
          }
        : null,
      receivedBy: {
        deputyIds: [...new Set(input.deputyIds)],
        observerId: input.observerId,
        openingBoxId: input.openingBoxId,
        staffId:
          actor && !actor.roles.includes('deputy') && !actor.roles.includes('observer') ? actor.userId : null,
      },
      category: input.category,
      location: input.location,
      text: input.text,
      attachments: input.attachments,
      voter,
    };
    const outcome = await this.handler.handle(opinionStream(opinionId), {
      type: 'ReceiveOpinion',
      data,
      metadata,
    });
    // A concurrent submission of the same voter and text won the race to this id: this one is its duplicate.
    if (!outcome.ok && outcome.error.code === 'OPINION_ALREADY_RECEIVED' && voterKey) {
      const existing = await this.handler.state(opinionStream(opinionId));
      return {
        ok: true,
        streamId: opinionStream(opinionId),
        streamVersion: existing.version,
        globalPosition: 0,
        eventCount: 0,
        duplicate: true,
        opinionId,
        trackingCode,
      };
    }
    return { ...outcome, opinionId, trackingCode, duplicate: outcome.ok && outcome.duplicate };
  }

  /** Answers a pending opinion on the spot by explaining the law or policy. */
  async answerOnTheSpot(
    actor: Principal,
    opinionId: string,
    basis: AnswerBasis,
    explanation: string,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertActorCovers(actor, opinionId);
    return this.handler.handle(opinionStream(opinionId), {
      type: 'AnswerOpinionOnTheSpot',
      data: { opinionId, basis, explanation },
      metadata,
    });
  }

  /** Records that an opinion became part of a suggestion. */
  takeIntoSuggestion(
    opinionId: string,
    suggestionId: string,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    return this.handler.handle(opinionStream(opinionId), {
      type: 'TakeOpinionIntoSuggestion',
      data: { opinionId, suggestionId },
      metadata,
    });
  }

  /** The opinion's current state from its stream. */
  async state(opinionId: string): Promise<OpinionState> {
    return (await this.handler.state(opinionStream(opinionId))).state;
  }

  private async assertActorCovers(actor: Principal, opinionId: string): Promise<void> {
    const state = await this.state(opinionId);
    if (state.status === 'pending') assertCoversPath(actor, state.jurisdictionPath, `opinion ${opinionId}`);
  }
}
