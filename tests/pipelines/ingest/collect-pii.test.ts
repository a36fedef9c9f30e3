import iconv from 'iconv-lite';
import {describe, expect, it} from 'vitest';
import {NORMALIZERS, PII_SQL_FORMS, type PiiColumn, collectPii} from '../../../pipelines/ingest/collect-pii.ts';
import {closeDuckDB, openDuckDB, sqlString} from '../../../pipelines/lib/duckdb.ts';
import {fixtureFolder} from './fixture-folder.ts';

describe('collectPii', () => {
  it('reads the PII columns of a GBK households file by their Chinese headers, unique and normalised', async () => {
    const lines = [
      '户编号,年度,村代码,户主姓名,证件号码,联系电话,家庭人口数',
      'H1,2020,360726101200,钟秀英,360726198209200397,13282926908,3',
      'H1,2021,360726101200,钟秀英,360726198209200397,13282926908,3',
      // Registers pad two-character names; phones come with a country code and separators; x is lower case.
      'H2,2021,360726101200,李　新, 36072619820920041x ,+86 138-1234-5678,2',
      'H3,2021,360726101201,,,,1',
      // Placeholders for an unknown phone or ID number are no one's.
      'H4,2021,360726101201,王五,无,0,1',
      ''
    ];
    const folder = await fixtureFolder({'households.csv': iconv.encode(lines.join('\r\n'), 'gbk')});
    const pii = await collectPii(folder);
    expect(pii).toEqual({
      names: new Set(['钟秀英', '李新', '王五']),
      idNumbers: new Set(['360726198209200397', '36072619820920041X']),
      phones: new Set(['13282926908', '13812345678'])
    });
  });

  it('reads canonical headers in UTF-8 with BOM, and returns empty sets when there are no PII columns', async () => {
    const named = await fixtureFolder({
      'households.csv': '\uFEFFhousehold_id,head_name,year\nH1,赖桂兰,2021\n'
    });
    expect((await collectPii(named)).names).toEqual(new Set(['赖桂兰']));
    const none = await fixtureFolder({'households.csv': 'household_id,year,members\nH1,2021,3\n'});
    expect(await collectPii(none)).toEqual({names: new Set(), idNumbers: new Set(), phones: new Set()});
  });
});

describe('PII_SQL_FORMS', () => {
  it('gives in DuckDB the forms NORMALIZERS give in JavaScript', async () => {
    const cells: Record<PiiColumn, string[]> = {
      names: ['钟秀英', '李\u3000新', ' 肖\u00a0荣华 ', '阿卜杜·热合曼', '阿卜杜•热合曼', '王\t五\ufeff', '张\u2003三'],
      idNumbers: [
        '360726198209200397',
        ' 36072619820920041x ',
        '360726 19820920 041X',
        '36072619820920041\u3000x',
        "'360726198209200397",
        '３６０７２６１９８２０９２００４１ｘ'
      ],
      phones: [
        '13282926908',
        '+86 138-1234-5678',
        '0086 13812345678',
        '0797-5900199',
        '８６13812345678',
        '(0797) 5900199',
        '13912345672/15800001111',
        '１３９１２３４５６７２；0797-5900199'
      ]
    };
    // The forms themselves, for the cells a clerk is most likely to type.
    expect(NORMALIZERS.idNumbers('３６０７２６１９８２０９２００４１ｘ')).toEqual(['36072619820920041X']);
    expect(NORMALIZERS.phones('13912345672/15800001111')).toEqual(['13912345672', '15800001111']);
    expect(NORMALIZERS.names('阿卜杜・热合曼')).toEqual(['阿卜杜·热合曼']);
    const connection = await openDuckDB();
    try {
      for (const [column, values] of Object.entries(cells) as [PiiColumn, string[]][]) {
        const sql = values.map((v) => PII_SQL_FORMS[column](sqlString(v))).join(', ');
        const row = (await connection.runAndReadAll(`SELECT [${sql}] AS forms`)).getRowObjectsJS()[0]!;
        expect(row.forms, column).toEqual(values.map(NORMALIZERS[column]));
      }
    } finally {
      closeDuckDB(connection);
    }
  });
});
