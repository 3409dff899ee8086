import { csvCell, type ImportRow, parsePeopleCsv } from './people-import-csv.js';
import { type ImportWorld, type KnownPerson, planImport } from './people-import-plan.js';

const person = (id: string, email: string, managerId: string | null = null): KnownPerson => ({
  id,
  email,
  displayName: email.split('@')[0],
  title: '',
  department: '',
  location: '',
  managerId,
});

function world(people: KnownPerson[]): ImportWorld {
  return {
    byEmail: new Map(people.map((p) => [p.email, p])),
    byId: new Map(people.map((p) => [p.id, p])),
    edges: new Map(people.flatMap((p) => (p.managerId ? [[p.id, p.managerId] as [string, string]] : []))),
  };
}

const rows = (csv: string): ImportRow[] => parsePeopleCsv(`email,displayName,managerEmail\n${csv}`);

describe('planImport', () => {
  it('writes managers before their reports, whatever the file order', () => {
    const plan = planImport(rows('c@x.io,C,b@x.io\nb@x.io,B,a@x.io\na@x.io,A,\n'), world([]));
    expect(plan.writes.map((w) => w.row.email)).toEqual(['a@x.io', 'b@x.io', 'c@x.io']);
    expect(plan.report).toMatchObject({ create: 3, errors: 0 });
  });

  it('refuses both rows of a loop the file itself makes, and keeps the rest', () => {
    const plan = planImport(rows('a@x.io,A,b@x.io\nb@x.io,B,a@x.io\nc@x.io,C,\n'), world([]));
    expect(plan.report.rows.map((r) => r.action)).toEqual(['error', 'error', 'create']);
    expect(plan.report.rows[0].errors).toEqual(['manager b@x.io would make this person their own indirect manager']);
  });

  it('sees a loop through people the file does not name (their current managers)', () => {
    // b reports to a today; the file puts a under c, and c under b: a → c → b → a.
    const known = [person('1', 'a@x.io'), person('2', 'b@x.io', '1'), person('3', 'c@x.io')];
    const plan = planImport(rows('a@x.io,,c@x.io\nc@x.io,,b@x.io\n'), world(known));
    expect(plan.report.errors).toBe(2);
  });

  it('a refused link falls back to the current manager, which may close another loop: checked again until none', () => {
    // Today x reports to y. The file: x under z, z under x (a loop: both refused, so x stays under y),
    // and y under x, which is a loop only once x is back under y: refused in the second round.
    const known = [person('1', 'x@x.io', '2'), person('2', 'y@x.io'), person('3', 'z@x.io')];
    const plan = planImport(rows('x@x.io,,z@x.io\ny@x.io,,x@x.io\nz@x.io,,x@x.io\n'), world(known));
    expect(plan.report.rows.map((r) => r.action)).toEqual(['error', 'error', 'error']);
    expect(plan.writes).toEqual([]);
  });

  it('a move that undoes a loop is accepted: y under x is fine once x moves under z', () => {
    const known = [person('1', 'x@x.io', '2'), person('2', 'y@x.io'), person('3', 'z@x.io')];
    const plan = planImport(rows('x@x.io,,z@x.io\ny@x.io,,x@x.io\n'), world(known));
    expect(plan.report.rows.map((r) => r.action)).toEqual(['update', 'update']);
    // Written top down: x (under z) first, then y under x; never y under x while x is still under y.
    expect(plan.writes.map((w) => w.row.email)).toEqual(['x@x.io', 'y@x.io']);
    expect(planImport(rows('y@x.io,,x@x.io\n'), world(known)).report.rows[0].action).toBe('error');
  });

  it('a manager that cannot be created makes its reports errors too', () => {
    const plan = planImport(rows('boss@x.io,,\nme@x.io,Me,boss@x.io\n'), world([]));
    expect(plan.report.rows.map((r) => r.errors)).toEqual([
      ['displayName is required for a new person'],
      ['manager boss@x.io cannot be created: see that row\'s errors'],
    ]);
  });
});

describe('parsePeopleCsv and csvCell', () => {
  it('reads mixed line ends, a BOM and quoted line breaks', () => {
    const parsed = parsePeopleCsv('\uFEFFEMAIL,displayname\r\nA@X.io,"Line\none"\nb@x.io,B\rc@x.io,C\n');
    expect(parsed.map((r) => [r.line, r.email, r.displayName])).toEqual([
      [3, 'a@x.io', 'Line\none'],
      [4, 'b@x.io', 'B'],
      [5, 'c@x.io', 'C'],
    ]);
  });

  it('neutralises what a spreadsheet would run', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', 'plain', 'a"b'].map(csvCell)).toEqual([
      `"'=1+1"`,
      `"'+1"`,
      `"'-1"`,
      `"'@SUM(A1)"`,
      `"'\tx"`,
      '"plain"',
      '"a""b"',
    ]);
  });
});
