/**
 * The row rules of households.csv (validate-households.ts) as SQL, for the
 * DuckDB ingest path. Rules are listed in the order checkHousehold applies
 * them, so a row breaking several gets its problems in the same order on
 * either path; tests/pipelines/validate/ingest-paths.test.ts holds the two
 * to the same verdicts.
 */
import {sqlString} from '../lib/duckdb.ts';
import {MAX_HOUSEHOLD_MEMBERS} from '../../src/lib/input-tables.ts';
import {COUNTS_BOUNDED_BY_MEMBERS, YEAR_RANGE} from './validate-households.ts';

/** One rule: the problem it records when `when` holds (a SQL condition on the typed values). */
export interface SqlRule {
  when: string;
  code: string;
  column: string;
  /** The problem's params as a SQL expression giving JSON text. */
  params: string;
}

/**
 * Returns the household rules over the typed values `v(column)` (SQL
 * expressions; required columns are known to be filled when the rules run).
 * `villages` is a SQL subquery of the accepted village codes.
 */
export function householdRulesSql(v: (column: string) => string, villages: string): SqlRule[] {
  const json = (params: Record<string, string | number>) => sqlString(JSON.stringify(params));
  const number = (name: string, expr: string) => `'{"${name}":' || (${expr}) || '}'`;
  const year = v('year');
  const members = v('members');
  const rules: SqlRule[] = [
    {
      when: `NOT (${year} BETWEEN ${YEAR_RANGE.min} AND ${YEAR_RANGE.max})`,
      code: 'E_YEAR_RANGE',
      column: 'year',
      params: json(YEAR_RANGE)
    },
    {
      when: `${v('village_code')} NOT IN (${villages})`,
      code: 'E_UNKNOWN_VILLAGE',
      column: 'village_code',
      params: "'{}'"
    },
    {when: `${members} < 1`, code: 'E_RANGE', column: 'members', params: json({rule: '≥ 1'})},
    {
      when: `${members} > ${MAX_HOUSEHOLD_MEMBERS}`,
      code: 'E_RANGE',
      column: 'members',
      params: json({rule: `≤ ${MAX_HOUSEHOLD_MEMBERS}`})
    }
  ];
  for (const column of COUNTS_BOUNDED_BY_MEMBERS) {
    rules.push({when: `${v(column)} < 0`, code: 'E_RANGE', column, params: json({rule: '≥ 0'})});
    rules.push({
      when: `${v(column)} >= 0 AND ${v(column)} > ${members}`,
      code: 'E_MEMBER_BOUND',
      column,
      params: number('members', members)
    });
  }
  rules.push({
    when: `NOT (${v('per_capita_income')} >= 0)`,
    code: 'E_RANGE',
    column: 'per_capita_income',
    params: json({rule: '≥ 0'})
  });

  const status = v('status');
  const exitYear = v('exit_year');
  const monitored = v('monitored');
  const since = v('monitored_since');
  const eliminated = v('risk_eliminated_date');
  rules.push(
    {
      when: `(${status} = 'none') <> (NOT ${v('registered')})`,
      code: 'E_STATUS_REGISTERED',
      column: 'status',
      params: "'{}'"
    },
    {
      when: `CASE WHEN ${status} = 'exited' THEN ${exitYear} IS NULL OR ${exitYear} > ${year}
        ELSE ${exitYear} IS NOT NULL AND ${exitYear} > ${year} END`,
      code: 'E_EXIT_YEAR',
      column: 'exit_year',
      params: number('year', year)
    },
    // Monitored households: type and date filled, the date not after the year.
    {
      when: `${monitored} AND ${v('monitor_type')} IS NULL`,
      code: 'E_MONITOR_FIELDS',
      column: 'monitor_type',
      params: "'{}'"
    },
    {when: `${monitored} AND ${since} IS NULL`, code: 'E_MONITOR_FIELDS', column: 'monitored_since', params: "'{}'"},
    {
      when: `${monitored} AND ${since} IS NOT NULL AND CAST(${since}[1:4] AS INTEGER) > ${year}`,
      code: 'E_DATE_YEAR',
      column: 'monitored_since',
      params: `'{"rule":"not after","year":' || (${year}) || '}'`
    },
    // The others: no monitoring field at all.
    ...['monitor_type', 'monitored_since', 'risk_eliminated_date', 'risk_flags'].map((column) => ({
      when: `NOT ${monitored} AND ${v(column)} IS NOT NULL`,
      code: 'E_MONITOR_FIELDS',
      column,
      params: "'{}'"
    })),
    {
      when: `${eliminated} IS NOT NULL AND ${since} IS NOT NULL AND ${eliminated} < ${since}`,
      code: 'E_DATE_ORDER',
      column: 'risk_eliminated_date',
      params: `'{"other":"monitored_since","otherValue":' || to_json(${since}) || '}'`
    }
  );
  return rules.map((rule) => ({...rule, when: `coalesce(${rule.when}, false)`}));
}
