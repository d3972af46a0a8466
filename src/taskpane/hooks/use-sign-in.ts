import { useState } from 'react';
import { createSignInClient } from '../../api';
import type { PaneServices } from '../services/pane-services';
import type { SignInDialogResult } from '../sign-in/sign-in-page';
import type { Connection } from './use-connection';
import type { Reporter } from './use-error-bar';

export interface SignIn {
  email: string;
  setEmail(value: string): void;
  code: string;
  setCode(value: string): void;
  /** A code was e-mailed: the pane asks for it. */
  codeSent: boolean;
  busy: boolean;
  /** False where no Office dialog can open (outside Excel): codes only. */
  canUseProvider: boolean;
  withProvider(): Promise<void>;
  requestCode(): Promise<void>;
  withCode(): Promise<void>;
}

/** Signing a person in (DESIGN §6): through the firm's identity provider in an Office dialog, or with an e-mailed code. */
export function useSignIn(services: PaneServices, connection: Connection, bar: Reporter): SignIn {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const base = () => connection.baseUrl.trim().replace(/\/+$/, '');

  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
    } catch (error) {
      bar.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return {
    email,
    setEmail,
    code,
    setCode,
    codeSent,
    busy,
    canUseProvider: Boolean(services.signInDialog),
    withProvider: () =>
      run(async () => {
        const message = await services.signInDialog!(`${base()}/sign-in.html?email=${encodeURIComponent(email.trim())}`);
        const result = JSON.parse(message) as SignInDialogResult;
        if (!result.ok) throw new Error(result.error);
        await connection.openSession({ accessToken: result.accessToken, refreshToken: result.refreshToken });
      }),
    requestCode: () =>
      run(async () => {
        await createSignInClient(base(), services.fetch).requestCode(email);
        setCodeSent(true);
        bar.say({ intent: 'info', text: `If ${email.trim()} belongs to a firm, a sign-in code is on its way. It works for 10 minutes.` });
      }),
    withCode: () =>
      run(async () => {
        const tokens = await createSignInClient(base(), services.fetch).signInWithCode(email, code);
        setCode('');
        setCodeSent(false);
        await connection.openSession(tokens);
      }),
  };
}
