import type { SqlClient } from '@liaison/sql';
import { testSqlTargets } from '@liaison/testing';
import { SubjectForgottenError } from './key-vault.js';
import { PersonalData } from './personal-data.js';
import { isSealedValue } from './sealed-value.js';
import { SqlKeyVault } from './sql-key-vault.js';

const voter = { name: '张三', phone: '13812341234', idNumber: '110101199003071234' };

describe.each(testSqlTargets())('PersonalData over SqlKeyVault on $name', (target) => {
  let sql: SqlClient;
  let vault: SqlKeyVault;
  let personalData: PersonalData;

  // One store for the file (opening PGlite is the slow part); every test uses its own subject ids.
  beforeAll(async () => {
    sql = await target.open();
    vault = await SqlKeyVault.open(sql);
    personalData = new PersonalData(vault, () => new Date('2026-03-01T08:00:00Z'));
  });
  afterAll(() => target.dispose(sql));

  it('seals into a JSON-safe value naming the subject, without the plain text, and opens it again', async () => {
    const sealed = await personalData.seal('voter-1', voter);
    const json = JSON.parse(JSON.stringify(sealed));
    expect(isSealedValue(json)).toBe(true);
    expect(json.subject).toBe('voter-1');
    expect(JSON.stringify(sealed)).not.toContain('13812341234');
    expect(JSON.stringify(sealed)).not.toContain(Buffer.from('13812341234').toString('base64'));
    await expect(personalData.open(json)).resolves.toEqual(voter);
  });

  it('uses one key per subject, created on first use', async () => {
    await personalData.seal('key-1', 'a');
    await personalData.seal('key-1', 'b');
    await personalData.seal('key-2', 'c');
    const rows = await sql.query(
      "SELECT subject_id FROM personal_data_keys WHERE subject_id LIKE 'key-%' ORDER BY subject_id",
    );
    expect(rows.map((row) => row.subject_id)).toEqual(['key-1', 'key-2']);
    const keys = await vault.find(['key-1', 'key-2', 'key-3']);
    expect(keys.get('key-1')?.status).toBe('active');
    expect(keys.get('key-3')).toEqual({ status: 'unknown' });
  });

  it('agrees on one key when many first uses of a subject race', async () => {
    const sealed = await Promise.all(
      Array.from({ length: 12 }, (_, i) => personalData.seal('voter-race', `value ${i}`)),
    );
    const opened = await personalData.openMany(sealed);
    expect(opened).toEqual(Array.from({ length: 12 }, (_, i) => `value ${i}`));
  });

  it('opens nothing of a forgotten subject, leaves others readable, and refuses to seal for them again', async () => {
    const first = await personalData.seal('gone-1', voter);
    const second = await personalData.seal('gone-1', { address: '桃园路1号' });
    const other = await personalData.seal('gone-2', 'still here');

    await personalData.forget('gone-1');

    await expect(personalData.openMany<unknown>([first, second, other])).resolves.toEqual([
      null,
      null,
      'still here',
    ]);
    await expect(personalData.seal('gone-1', 'again')).rejects.toBeInstanceOf(SubjectForgottenError);
    const rows = await sql.query(
      "SELECT key, forgotten_at FROM personal_data_keys WHERE subject_id = 'gone-1'",
    );
    expect(rows[0]?.key).toBeNull();
    expect(new Date(rows[0]?.forgotten_at as string).toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('forgets idempotently, and forgets a subject that never had a key', async () => {
    await personalData.forget('never-sealed');
    await personalData.forget('never-sealed');
    await expect(personalData.seal('never-sealed', 'x')).rejects.toMatchObject({ code: 'SUBJECT_FORGOTTEN' });
    expect((await vault.find(['never-sealed'])).get('never-sealed')?.status).toBe('forgotten');
  });

  it('rejects a tampered ciphertext and a value moved to another subject', async () => {
    const sealed = await personalData.seal('voter-1', voter);
    await personalData.seal('voter-2', 'other');
    const data = Buffer.from(sealed.data, 'base64');
    data[0] = data[0]! ^ 0xff;
    await expect(personalData.open({ ...sealed, data: data.toString('base64') })).rejects.toThrow();
    await expect(personalData.open({ ...sealed, subject: 'voter-2' })).rejects.toThrow();
  });

  it('rejects what is not a sealed value and bad subject ids', async () => {
    await expect(personalData.open({ foo: 1 } as never)).rejects.toThrow('expected a sealed value');
    await expect(personalData.seal('', 'x')).rejects.toThrow('expected a subject id');
  });

  it('opening a value of a subject the vault never saw yields null', async () => {
    const elsewhere = new PersonalData(await SqlKeyVault.open(sql));
    const sealed = await elsewhere.seal('voter-9', 'x');
    await sql.query("DELETE FROM personal_data_keys WHERE subject_id = 'voter-9'");
    await expect(personalData.open(sealed)).resolves.toBeNull();
  });
});
