import { downloadText, toCsv } from 'c/kondoDownload';

interface Row {
  name: string;
  count: number | null;
}

describe('c/kondoDownload', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('writes a header and quotes cells that need it', () => {
    const csv = toCsv<Row>(
      [
        { header: 'Name', value: (row) => row.name },
        { header: 'Count', value: (row) => row.count },
      ],
      [
        { name: 'plain', count: 1 },
        { name: 'with, comma and "quotes"', count: null },
        { name: '=SUM(A1)', count: 0 },
      ]
    );

    expect(csv).toBe('Name,Count\r\nplain,1\r\n"with, comma and ""quotes""",\r\n\'=SUM(A1),0\r\n');
  });

  it('downloads text through a data URL link', () => {
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    downloadText('log.csv', 'text/csv', 'a,b\r\n');

    expect(click).toHaveBeenCalledTimes(1);
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('log.csv');
    expect(link.href).toBe('data:text/csv;charset=utf-8,a%2Cb%0D%0A');
  });
});
