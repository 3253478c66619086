import { initialsOf } from '../../addin/src/components/PersonAvatar';
import { readableName } from '../../addin/src/components/person-name';

describe("a person's name and initials as the pane shows them", () => {
  it('reads Outlook\'s "Last, First" as "First Last": the initials of "Rivera, Jamie" are JR', () => {
    expect(readableName('Rivera, Jamie')).toBe('Jamie Rivera');
    expect(initialsOf('Rivera, Jamie', 'jamie.rivera@contoso.com')).toBe('JR');
    expect(initialsOf('Jamie Rivera', null)).toBe('JR');
  });

  it('takes first and last word, letters only, and falls back on the address', () => {
    expect(initialsOf('Ana María de la Fuente', null)).toBe('AF');
    expect(initialsOf('Łukasz Żółć', null)).toBe('ŁŻ');
    expect(initialsOf('Cher', null)).toBe('C');
    expect(initialsOf(null, 'sam.taylor@gmail.com')).toBe('S');
    expect(initialsOf('(Sales) 2', 'team@contoso.com')).toBe('S');
  });

  it('leaves names that are not "Last, First" as they are', () => {
    expect(readableName('Doe, John, Jr.')).toBe('Doe, John, Jr.');
    expect(readableName('a,b@contoso.com')).toBe('a,b@contoso.com');
    expect(readableName('  Avery Quinn ')).toBe('Avery Quinn');
  });
});
