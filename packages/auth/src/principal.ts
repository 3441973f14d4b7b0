// Who is asking: the authenticated person behind a request, as read from their token.
import type { Role } from './roles.js';

export interface Principal {
  userId: string;
  roles: Role[];
  /** The jurisdiction whose subtree this person acts in; null for platform-wide roles (admin, auditor). */
  jurisdictionId: string | null;
}
