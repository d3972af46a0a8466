import { optionsFromEnv } from './config';

describe('optionsFromEnv', () => {
  it('is production unless NODE_ENV=development', () => {
    expect(optionsFromEnv({}).development).toBe(false);
    expect(optionsFromEnv({ NODE_ENV: 'production' }).development).toBe(false);
    expect(optionsFromEnv({ NODE_ENV: 'test' }).development).toBe(false);
    expect(optionsFromEnv({ NODE_ENV: 'development' }).development).toBe(true);
  });

  it('reads the mail settings and the invitation key, refusing a short key', () => {
    const key = 'k'.repeat(32);
    expect(optionsFromEnv({ SMTP_URL: ' smtp://mail.test:587 ', MAIL_FROM: 'Portal <p@firm.test>', INVITATION_KEY: key })).toMatchObject({
      smtpUrl: 'smtp://mail.test:587',
      mailFrom: 'Portal <p@firm.test>',
      invitationKey: key,
    });
    expect(optionsFromEnv({ SMTP_URL: '  ' }).smtpUrl).toBeUndefined();
    expect(() => optionsFromEnv({ INVITATION_KEY: 'short' })).toThrow(/INVITATION_KEY must be at least 32 characters/);
  });
});
