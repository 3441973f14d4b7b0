// GraphQL shapes of what the public sees: a station's board (公示栏) and the station directory tree.
import { Field, ObjectType } from 'type-graphql';
import { DeputyLevelEnum } from '../deputies/deputy.type.js';
import type { DeputyLevel } from '../deputies/events.js';
import { Jurisdiction } from '../jurisdictions/jurisdiction.type.js';
import type { StaffRole } from './events.js';
import { StaffRoleEnum } from './station-details.type.js';
import { Station } from './station.type.js';

@ObjectType({ description: 'A staff member as the board shows them: role and name.' })
export class BoardStaff {
  @Field(() => StaffRoleEnum)
  role!: StaffRole;

  @Field(() => String)
  name!: string;
}

@ObjectType({ description: 'A deputy as the board shows them; no contact details.' })
export class BoardDeputy {
  @Field(() => String)
  name!: string;

  @Field(() => DeputyLevelEnum)
  level!: DeputyLevel;

  @Field(() => String)
  constituency!: string;

  @Field(() => String, { nullable: true })
  sector!: string | null;
}

@ObjectType({ description: 'A station’s public board (公示栏): what any voter may see.' })
export class StationBoard {
  @Field(() => Station)
  station!: Station;

  @Field(() => [BoardStaff], { description: 'Current staff: head, deputy heads, liaison officers.' })
  staff!: BoardStaff[];

  @Field(() => [BoardDeputy], {
    description: 'Serving deputies assigned to the station, by level then name.',
  })
  deputies!: BoardDeputy[];

  @Field(() => [String], { description: 'Where the station’s opinion boxes are.' })
  opinionBoxLocations!: string[];
}

@ObjectType({ description: 'A station with the stations under it (sub-stations, rooms, points).' })
export class StationTreeNode {
  @Field(() => Station)
  station!: Station;

  @Field(() => [StationTreeNode])
  children!: StationTreeNode[];
}

@ObjectType({ description: 'A jurisdiction with its own stations as trees and the areas below it.' })
export class StationDirectoryNode {
  @Field(() => Jurisdiction)
  jurisdiction!: Jurisdiction;

  @Field(() => [StationTreeNode], {
    description: 'Top-level stations here (centre and online stations), by name.',
  })
  stations!: StationTreeNode[];

  @Field(() => [StationDirectoryNode], { description: 'The areas below, by name.' })
  children!: StationDirectoryNode[];
}
