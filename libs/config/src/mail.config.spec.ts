import { parseMailConfig } from './mail.config';

describe('mail configuration', () => {
  it('SMTP_URL sends through it; without it the embedded default catches, any other start is inbox only', () => {
    expect(parseMailConfig({ SMTP_URL: 'smtp://mail:25' })).toMatchObject({
      mode: 'smtp',
      smtpUrl: 'smtp://mail:25',
      messageIdDomain: 'approvals.local',
      sweepSeconds: 60,
    });
    expect(parseMailConfig({ APPROVALS_EMBEDDED: '1' }).mode).toBe('catcher');
    expect(parseMailConfig({ NODE_ENV: 'production' }).mode).toBe('off');
    expect(
      parseMailConfig({
        MAIL_FROM: '审批 <noreply@gov.example>',
        PUBLIC_URL: 'https://a.example/',
      }),
    ).toMatchObject({ messageIdDomain: 'gov.example', publicUrl: 'https://a.example' });
  });

  it.each([
    [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM'],
    [{ MAIL_SWEEP_SECONDS: '0' }, 'MAIL_SWEEP_SECONDS'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => parseMailConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });
});
