import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { TestStorage } from './dialects';

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  auth: { authorization: string };
}

/** The code in the newest sign-in e-mail to this address (the outbox keeps bodies sealed with the server's key). */
export async function lastCode(app: FastifyInstance, storage: TestStorage, email: string): Promise<string | null> {
  const { rows } = await sql<{ body: string }>`
    select body from outbox where lower(to_email) = lower(${email}) and subject like 'Your sign-in code%' order by id desc limit 1`.execute(storage.db);
  if (!rows[0]) return null;
  return /code for .* is (\d{6})/.exec(app.sealer.open(rows[0].body) ?? '')?.[1] ?? null;
}

/** Signs a firm user in through the one-time code flow, as the pane would. */
export async function signInByCode(app: FastifyInstance, storage: TestStorage, email: string): Promise<SignedIn> {
  const asked = await app.inject({ method: 'POST', url: '/api/v1/auth/code', payload: { email } });
  if (asked.statusCode !== 202) throw new Error(`code: ${asked.statusCode} ${asked.body}`);
  const code = await lastCode(app, storage, email);
  if (!code) throw new Error(`no code was e-mailed to ${email}`);
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/code/sign-in', payload: { email, code } });
  if (res.statusCode !== 200) throw new Error(`sign-in: ${res.statusCode} ${res.body}`);
  const { accessToken, refreshToken } = res.json();
  return { accessToken, refreshToken, auth: { authorization: `Bearer ${accessToken}` } };
}
