import { parseMintArguments } from './mint-token.js';

describe('mint-token command line', () => {
  it('parses user, roles, jurisdiction and expiry', () => {
    expect(
      parseMintArguments([
        '--user',
        'u1',
        '--roles',
        'station-staff, deputy',
        '--jurisdiction',
        'j1',
        '--expires',
        '1h',
      ]),
    ).toEqual({
      userId: 'u1',
      roles: ['station-staff', 'deputy'],
      jurisdictionId: 'j1',
      expiresIn: '1h',
    });
  });

  it('defaults to no jurisdiction and eight hours', () => {
    expect(parseMintArguments(['--user', 'a1', '--roles', 'auditor'])).toMatchObject({
      jurisdictionId: null,
      expiresIn: '8h',
    });
  });

  it('names unknown roles and lists the known ones', () => {
    expect(() => parseMintArguments(['--user', 'u1', '--roles', 'deputy,mayor'])).toThrow(
      /unknown role\(s\): mayor; expected any of admin/,
    );
  });

  it('requires a user and roles', () => {
    expect(() => parseMintArguments(['--roles', 'deputy'])).toThrow(/--user is required/);
    expect(() => parseMintArguments(['--user', 'u1'])).toThrow(/--roles is required/);
  });
});
