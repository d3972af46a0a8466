import { sql, type Kysely } from 'kysely';
import { recordAuditEvent } from '../audit/audit.repository';
import { reassignClients } from '../clients/client.repository';
import { HttpProblem, notFound } from '../http/problem';
import type { Database } from '../storage/schema';
import { findFirmById, updateFirmSettings, type FirmRecord } from './firm.repository';

/** One owner's (or office's) clients handed to another of the firm's owners (or offices). */
export interface Reassignment {
  from: string;
  to: string;
}

export interface ClientMove {
  owner?: Reassignment;
  office?: Reassignment;
  /** Remove the old owner and office from the firm once their clients are moved (default true). */
  remove?: boolean;
}

export interface ClientMoveResult {
  firm: FirmRecord;
  /** Clients whose owner, and whose office, changed. */
  moved: { owner: number; office: number };
}

export const CLIENTS_MOVED = 'clients.moved';

const key = (text: string) => text.trim().toLowerCase();
const badMove = (detail: string) => new HttpProblem(422, detail, 'urn:problem:bad-move');

/** The firm's spelling of `name` in `list`, or a 422 naming what is wrong. */
function listed(list: readonly string[], name: string, what: string): string {
  const found = list.find((item) => key(item) === key(name));
  if (found === undefined) throw badMove(`${name.trim()} is not one of the firm's ${what}`);
  return found;
}

function check(list: readonly string[], move: Reassignment, what: string): Reassignment {
  const from = listed(list, move.from, what);
  const to = listed(list, move.to, what);
  if (from === to) throw badMove(`Moving clients from ${from} to ${to} changes nothing: name another of the firm's ${what}`);
  return { from, to };
}

/**
 * Moves the clients of an owner and/or an office to another of the firm's owners / offices and (unless
 * `remove` is false) removes the old ones from the firm, in one transaction with its audit record: all
 * of it happens, or none. `actor` is who asked ("admin" for the admin token, "cli" for the firm CLI).
 */
export async function moveClients(db: Kysely<Database>, firmId: string, move: ClientMove, actor: string): Promise<ClientMoveResult> {
  return db.transaction().execute(async (trx) => {
    // One firm change at a time: a second move or settings change waits for this one's commit.
    await sql`select id from firms where id = ${firmId} for update`.execute(trx);
    const firm = await findFirmById(trx, firmId);
    if (!firm) throw notFound('Firm');
    const owner = move.owner && check(firm.owners, move.owner, 'owners');
    const office = move.office && check(firm.offices, move.office, 'offices');
    const remove = move.remove ?? true;
    const moved = {
      owner: owner ? await reassignClients(trx, firmId, 'owner_email', owner.from, owner.to) : 0,
      office: office ? await reassignClients(trx, firmId, 'office_location', office.from, office.to) : 0,
    };
    if (remove) {
      await updateFirmSettings(trx, {
        ...firm,
        // The old owner stays a firm user: clients still may not take that address.
        owners: firm.owners.filter((o) => o !== owner?.from),
        offices: firm.offices.filter((o) => o !== office?.from),
      });
    }
    await recordAuditEvent(trx, {
      firmId,
      actor,
      action: CLIENTS_MOVED,
      detail: { ...(owner && { owner }), ...(office && { office }), removed: remove, moved },
    });
    return { firm: (await findFirmById(trx, firmId))!, moved };
  });
}
