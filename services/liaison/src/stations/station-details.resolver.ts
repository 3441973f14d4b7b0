// GraphQL mutations that describe, staff and equip a station, and its staff-only fields.
import { isDomainError, type CommandMetadata } from '@liaison/decider';
import { requireRole, userErrorsOf, type RequestContext } from '@liaison/graphql-kit';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { coversPath, STAFF_READERS } from '../shared/access.js';
import { forbidden } from '../shared/forbidden.js';
import { newEntityId } from '../shared/ids.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import type { StationPerson } from './events.js';
import type { StationChange, StationService } from './service.js';
import {
  AppointStationStaffInput,
  ChangeOpinionBoxObserverInput,
  EndStationStaffAppointmentInput,
  InstallOpinionBoxInput,
  RelocateStationInput,
  RemoveOpinionBoxInput,
  SetStationFacilitiesInput,
  SetStationOpeningRulesInput,
  SetStationSpecialisationInput,
} from './station-details.input.js';
import { OpinionBox, StaffAppointment, type StationPersonInput } from './station-details.type.js';
import { StationPayload } from './station.input.js';
import { stationLoader } from './station.resolver.js';
import { Station } from './station.type.js';

const WRITERS = ['admin', 'congress-office', 'station-staff'] as const;

function person(input: StationPersonInput | null | undefined): StationPerson | null {
  return input ? { name: input.name, userId: input.userId ?? null } : null;
}

@Resolver(() => Station)
export class StationDetailsResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: StationService,
  ) {}

  @FieldResolver(() => [StaffAppointment], {
    description:
      'Staff appointments, current first; past ones too with includePast. Staff of the station’s jurisdiction only.',
  })
  staffAppointments(
    @Root() station: Station,
    @Arg('includePast', () => Boolean, { defaultValue: false }) includePast: boolean,
    @Ctx() context: RequestContext,
  ): StaffAppointment[] {
    this.assertReads(context, station);
    const entries = station.document.staff ?? [];
    const current = entries.filter((a) => a.until === null);
    const past = includePast ? entries.filter((a) => a.until !== null) : [];
    return [...current, ...past].map(StaffAppointment.from);
  }

  @FieldResolver(() => [OpinionBox], {
    description: 'Installed opinion boxes with their observers. Staff only.',
  })
  opinionBoxes(@Root() station: Station, @Ctx() context: RequestContext): OpinionBox[] {
    this.assertReads(context, station);
    return (station.document.opinionBoxes ?? []).map(OpinionBox.from);
  }

  @Mutation(() => StationPayload, { description: 'Sets or removes what a point specialises in.' })
  setStationSpecialisation(
    @Arg('input', () => SetStationSpecialisationInput) input: SetStationSpecialisationInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'SetStationSpecialisation',
      data: { stationId, specialisation: input.specialisation ?? null },
      metadata,
    }));
  }

  @Mutation(() => StationPayload, { description: 'Replaces a station’s opening rules.' })
  setStationOpeningRules(
    @Arg('input', () => SetStationOpeningRulesInput) input: SetStationOpeningRulesInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'SetStationOpeningRules',
      data: {
        stationId,
        openingRules: {
          weekly: input.openingRules.weekly.map(({ weekday, opens, closes }) => ({ weekday, opens, closes })),
          note: input.openingRules.note,
        },
      },
      metadata,
    }));
  }

  @Mutation(() => StationPayload, { description: 'Replaces the list of a station’s facilities.' })
  setStationFacilities(
    @Arg('input', () => SetStationFacilitiesInput) input: SetStationFacilitiesInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'SetStationFacilities',
      data: { stationId, facilities: input.facilities },
      metadata,
    }));
  }

  @Mutation(() => StationPayload, { description: 'Moves a station to a new address.' })
  relocateStation(
    @Arg('input', () => RelocateStationInput) input: RelocateStationInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'RelocateStation',
      data: { stationId, address: input.address, effectiveOn: input.effectiveOn ?? null },
      metadata,
    }));
  }

  @Mutation(() => StationPayload, {
    description: 'Appoints a head (one at a time), deputy head or liaison officer.',
  })
  appointStationStaff(
    @Arg('input', () => AppointStationStaffInput) input: AppointStationStaffInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'AppointStationStaff',
      data: {
        stationId,
        appointmentId: newEntityId(metadata.commandId, 'appointment'),
        role: input.role,
        person: person(input.person)!,
        since: input.since ?? null,
      },
      metadata,
    }));
  }

  @Mutation(() => StationPayload, { description: 'Ends a staff appointment.' })
  endStationStaffAppointment(
    @Arg('input', () => EndStationStaffAppointmentInput) input: EndStationStaffAppointmentInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'EndStationStaffAppointment',
      data: {
        stationId,
        appointmentId: input.appointmentId,
        until: input.until ?? null,
        reason: input.reason,
      },
      metadata,
    }));
  }

  @Mutation(() => StationPayload, {
    description: 'Installs an opinion box, with the observer who empties it.',
  })
  installOpinionBox(
    @Arg('input', () => InstallOpinionBoxInput) input: InstallOpinionBoxInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'InstallOpinionBox',
      data: {
        stationId,
        boxId: newEntityId(metadata.commandId, 'opinion-box'),
        location: input.location,
        observer: person(input.observer),
      },
      metadata,
    }));
  }

  @Mutation(() => StationPayload, { description: 'Hands an opinion box to another observer (or none).' })
  changeOpinionBoxObserver(
    @Arg('input', () => ChangeOpinionBoxObserverInput) input: ChangeOpinionBoxObserverInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'ChangeOpinionBoxObserver',
      data: { stationId, boxId: input.boxId, observer: person(input.observer) },
      metadata,
    }));
  }

  @Mutation(() => StationPayload, { description: 'Removes an opinion box.' })
  removeOpinionBox(
    @Arg('input', () => RemoveOpinionBoxInput) input: RemoveOpinionBoxInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(context, input, (stationId, metadata) => ({
      type: 'RemoveOpinionBox',
      data: { stationId, boxId: input.boxId, reason: input.reason },
      metadata,
    }));
  }

  private assertReads(context: RequestContext, station: Station): void {
    const principal = requireRole(context, ...STAFF_READERS);
    if (!coversPath(principal, station.document.jurisdictionPath)) {
      throw forbidden(
        `station ${station.stationId} is outside your jurisdiction (${principal.jurisdictionId ?? 'none'})`,
      );
    }
  }

  private async run(
    context: RequestContext,
    input: { stationId: string; commandId?: string | null },
    build: (stationId: string, metadata: CommandMetadata) => StationChange,
  ): Promise<StationPayload> {
    const actor = requireRole(context, ...WRITERS);
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId))
      return { userErrors: userErrorsOf(stationId), position: null, station: null };
    const metadata = commandMetadata(context, actor, this.deps.now(), input.commandId);
    const outcome = await execute(context, this.deps, () =>
      this.service.change(actor, build(stationId, metadata)),
    );
    if (!outcome.ok) return { userErrors: userErrorsOf(outcome.error), position: null, station: null };
    const document = await stationLoader(context, this.deps).load(stationId);
    return { userErrors: [], position: outcome.globalPosition, station: document && Station.from(document) };
  }
}
