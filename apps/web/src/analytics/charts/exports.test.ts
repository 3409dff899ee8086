import { describe, expect, it } from 'vitest';
import { csvCell, fileName, toCsv } from './exports';

describe('chart exports', () => {
  it('quotes what a spreadsheet would split, and defuses cells that start like a formula', () => {
    expect(csvCell('Sales, EMEA')).toBe('"Sales, EMEA"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(toCsv(['a', 'b'], [['x', 1]])).toBe('a,b\r\nx,1\r\n');
  });

  it('names files from the title with letters, digits and dashes only', () => {
    expect(fileName('Réponses / jour', 'png')).toBe('ruche-reponses-jour.png');
    expect(fileName('../../etc', 'csv')).toBe('ruche-etc.csv');
    expect(fileName('—', 'csv')).toBe('ruche-chart.csv');
  });
});
