import type {DuckDBConnection} from '@duckdb/node-api';
import {exactSum} from '../lib/duckdb.ts';
import {MIN_NOTICE_DAYS} from '../aggregate/village-measures.ts';
import {readRows} from '../lib/read-rows.ts';

/**
 * A completed or accepted project that paid out less than this share of its
 * budget is flagged. Retention money (质量保证金, at most 3% of the settled
 * price by 《建设工程质量保证金管理办法》 art. 7) and tender savings mean a
 * finished project rarely pays exactly its budget; an unpaid balance above
 * 10% is worth a question (where did the 结余资金 go?).
 */
export const UNDERSPENT_SHARE = 0.9;

/**
 * The indicator that expects every household of a region and year (its
 * coverage's expected units): a project cannot benefit more households than
 * its place has.
 */
const ALL_HOUSEHOLDS_INDICATOR = 'sanitary_toilet_rate';

/**
 * Creates the views `pub_projects` and `pub_funds` from the validated
 * `projects`, `funds`, `regions` and the protected `indicator_values`, with
 * their flags (`;`-separated ids of `PROJECT_FLAGS` and `FUND_FLAGS` in
 * src/lib/flags.ts, in that order; empty when none), and returns the date the
 * `overdue` flag is judged at.
 *
 * That date is the last day of the latest project year, never the wall
 * clock, so the same input always gives the same flags. Beneficiaries are
 * compared with the household count of the place only where that count is
 * published (the expected units of {@link ALL_HOUSEHOLDS_INDICATOR}), so the
 * flag reveals nothing about a withheld cell. `overdue` needs an end date: a
 * planned project or work in progress without one is never overdue. Funds carry their reconciliation:
 * how many projects draw on them, the sum of those projects' budgets and of
 * what they spent; budgets above the amount are flagged, not rejected (contract).
 */
export async function createFundProjectViews(connection: DuckDBConnection): Promise<{referenceDate: string | null}> {
  const [row] = await readRows(
    connection,
    `SELECT strftime(make_date(max(year), 12, 31), '%Y-%m-%d') AS reference_date FROM projects`
  );
  const referenceDate = (row?.reference_date as string | null) ?? null;
  const asOf = referenceDate === null ? 'NULL::DATE' : `DATE '${referenceDate}'`;
  await connection.run(`CREATE OR REPLACE VIEW pub_projects AS
    WITH place_households AS (
      SELECT region_code, year, expected_units AS households FROM indicator_values
      WHERE indicator_id = '${ALL_HOUSEHOLDS_INDICATOR}' AND expected_units IS NOT NULL)
    SELECT p.project_id, p.year, p.name, p.type, p.region_code, r.name AS region_name, p.fund_id, p.budget, p.spent,
      p.beneficiary_households, p.beneficiary_poor_households, p.status, p.start_date, p.end_date, p.responsible_unit,
      p.notice_start, p.notice_end, p.asset_owner, p.hotline,
      date_diff('day', p.notice_start, p.notice_end) + 1 AS notice_days,
      array_to_string(list_filter([
        CASE WHEN p.notice_start IS NULL OR p.notice_end IS NULL THEN 'notice_missing' END,
        CASE WHEN date_diff('day', p.notice_start, p.notice_end) + 1 < ${MIN_NOTICE_DAYS} THEN 'notice_short' END,
        CASE WHEN p.spent > p.budget THEN 'over_budget' END,
        CASE WHEN p.status IN ('completed', 'accepted') AND p.spent < p.budget * ${UNDERSPENT_SHARE}
          THEN 'underspent' END,
        CASE WHEN p.status IN ('planned', 'in_progress') AND p.end_date < ${asOf} THEN 'overdue' END,
        CASE WHEN p.beneficiary_poor_households > p.beneficiary_households
          OR p.beneficiary_households > h.households THEN 'beneficiaries_inconsistent' END
      ], x -> x IS NOT NULL), ';') AS flags
    FROM projects p JOIN regions r ON r.code = p.region_code
    LEFT JOIN place_households h ON h.region_code = p.region_code AND h.year = p.year`);
  await connection.run(`CREATE OR REPLACE VIEW pub_funds AS
    WITH drawn AS (
      SELECT fund_id, count(*)::INTEGER AS projects, ${exactSum('budget')} AS budget, ${exactSum('spent')} AS spent
      FROM projects GROUP BY fund_id)
    SELECT f.fund_id, f.year, f.level, f.category, f.document_no, f.recipient_code, r.name AS recipient_name,
      f.amount, f.issued_date,
      coalesce(d.projects, 0) AS project_count,
      round(coalesce(d.budget, 0), 2)::DOUBLE AS projects_budget,
      round(coalesce(d.spent, 0), 2)::DOUBLE AS projects_spent,
      array_to_string(list_filter([
        CASE WHEN round(d.budget, 2) > f.amount THEN 'over_committed' END,
        CASE WHEN d.projects IS NULL THEN 'no_project' END
      ], x -> x IS NOT NULL), ';') AS flags
    FROM funds f JOIN regions r ON r.code = f.recipient_code
    LEFT JOIN drawn d ON d.fund_id = f.fund_id`);
  return {referenceDate};
}
