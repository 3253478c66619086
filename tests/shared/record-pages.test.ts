import { IdSchema } from '../../shared/src/common/record.schema';
import { recordOfPagePath, recordPagePath, recordPageKinds } from '../../shared/src/contract/record-pages';

describe('record page addresses', () => {
  it('go both ways for every kind, keeping the language and who the page is for', () => {
    for (const kind of recordPageKinds) {
      const path = recordPagePath({ kind, id: 'maven-account_12' }, { lang: 'pt-BR', as: 'morgan.blake+crm@rapport-demo.com' });
      expect(path).toBe(`/records/${kind}/maven-account_12?lang=pt-BR&as=morgan.blake%2Bcrm%40rapport-demo.com`);
      expect(recordOfPagePath(path.split('?')[0]!)).toEqual({ kind, id: 'maven-account_12' });
    }
    expect(recordPagePath({ kind: 'deal', id: 'd1' }, { lang: null, as: '' })).toBe('/records/deal/d1');
  });

  it("take an id exactly when the API's IdSchema does", () => {
    for (const id of ['a', 'A-1_b', '3f2b9c1e-0000-4000-8000-000000000001', 'x'.repeat(64), '', '-a', '_a', 'a b', 'a.b', 'a%20b', 'ä', 'x'.repeat(65)]) {
      expect([id, recordOfPagePath(`/records/case/${id}`) !== null]).toEqual([id, IdSchema.safeParse(id).success]);
    }
  });

  it('name no record for another kind, another prefix or more path', () => {
    expect(['/records/activity/a1', '/records/member/m1', '/record/deal/d1', '/records/deal/d1/', '/records/deal/d1/history', '/dashboard'].map(recordOfPagePath)).toEqual([null, null, null, null, null, null]);
  });
});
