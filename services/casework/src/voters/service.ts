// Voter use cases: revealing a contact to the people handling the case (recorded), and forgetting a voter.
import type { Principal } from '@liaison/auth';
import {
  domainError,
  type CommandHandler,
  type CommandMetadata,
  type CommandOutcome,
} from '@liaison/decider';
import { assertCoversPath } from '../shared/access.js';
import type { CaseworkDeps } from '../shared/module-deps.js';
import type { OpinionDocument } from '../opinions/projection.js';
import type { VoterContact } from '../opinions/events.js';
import type { VoterCommand, VoterState } from './decider.js';
import { voterStream, type VoterEvent } from './events.js';

export type VoterHandler = CommandHandler<VoterState, VoterCommand, VoterEvent>;

export type RevealOutcome = CommandOutcome & { contact: VoterContact | null };

export class VoterService {
  constructor(
    private readonly handler: VoterHandler,
    private readonly deps: CaseworkDeps,
  ) {}

  /** Records the read, then opens the opinion's sealed contact for someone handling the case. */
  async revealContact(
    actor: Principal,
    opinionId: string,
    metadata: CommandMetadata,
  ): Promise<RevealOutcome> {
    const [opinion] = await this.deps.readStore.load<OpinionDocument>('opinions', [opinionId]);
    if (!opinion)
      return {
        ok: false,
        error: domainError('OPINION_NOT_FOUND', `no opinion ${opinionId}`, ['opinionId']),
        contact: null,
      };
    assertCoversPath(actor, opinion.jurisdictionPath, `opinion ${opinionId}`);
    if (opinion.anonymous)
      return {
        ok: false,
        error: domainError('ANONYMOUS_VOTER', 'an anonymous voter left no contact details'),
        contact: null,
      };
    // The read is recorded before anything is decrypted: no unrecorded read is possible.
    const outcome = await this.handler.handle(voterStream(opinion.voterId), {
      type: 'ViewVoterContact',
      data: { voterId: opinion.voterId, opinionId },
      metadata,
    });
    if (!outcome.ok) return { ...outcome, contact: null };
    const contact = opinion.contact && (await this.deps.personalData.open(opinion.contact));
    if (!contact)
      return {
        ok: false,
        error: domainError('VOTER_FORGOTTEN', `voter ${opinion.voterId} has been forgotten`),
        contact: null,
      };
    return { ...outcome, contact };
  }

  /**
   * Destroys the voter's key, then records the forgetting. The key goes first: if the process dies in
   * between, the data is already unreadable and re-sending the command records the event.
   */
  async forget(
    actor: Principal,
    voterId: string,
    reason: string,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const page = await this.deps.readStore.find<OpinionDocument>('opinions', {
      filter: { voterId },
      first: 1000,
    });
    if (page.items.length === 0)
      return {
        ok: false,
        error: domainError('VOTER_NOT_FOUND', `no opinion of voter ${voterId}`, ['voterId']),
      };
    for (const opinion of page.items) assertCoversPath(actor, opinion.jurisdictionPath, `voter ${voterId}`);
    if (reason.trim().length === 0)
      return {
        ok: false,
        error: domainError('REASON_REQUIRED', 'expected a reason for forgetting', ['reason']),
      };
    await this.deps.personalData.forget(voterId);
    return this.handler.handle(voterStream(voterId), {
      type: 'ForgetVoter',
      data: { voterId, opinionIds: page.items.map((opinion) => opinion.id), reason },
      metadata,
    });
  }
}
