import {inputTable} from '../../src/lib/input-tables.ts';
import {FIRST_YEAR, YEARS, formatDay, yearEnd, yearOf} from './calendar.ts';
import {columnIndex} from './csv-writer.ts';
import type {CsvValue} from './csv-writer.ts';
import {drawHouseholds} from './household-traits.ts';
import type {Household, HouseholdContext} from './household-traits.ts';
import {isActiveIn} from './monitoring-episodes.ts';
import {createRandom} from './random.ts';
import type {Random} from './random.ts';

// Cells are placed by position, looked up once from the contract: the full
// scale writes ~11 million rows, and a keyed object per row doubled its time.
const COLUMNS = inputTable('households').columns;
const at = (name: string) => columnIndex(COLUMNS, name);
const [ID, YEAR, VILLAGE, NAME, ID_NUMBER, PHONE, MEMBERS, REGISTERED] = [
  at('household_id'),
  at('year'),
  at('village_code'),
  at('head_name'),
  at('id_number'),
  at('phone'),
  at('members'),
  at('registered')
];
const [STATUS, EXIT_YEAR, MONITORED, MONITOR_TYPE, SINCE, RISK_FLAGS, ELIMINATED] = [
  at('status'),
  at('exit_year'),
  at('monitored'),
  at('monitor_type'),
  at('monitored_since'),
  at('risk_flags'),
  at('risk_eliminated_date')
];
const [INCOME, LABOR, EMPLOYED, INDUSTRY, DOCTOR, INSURED, TOILET, HOUSING, WATER, DROPOUT] = [
  at('per_capita_income'),
  at('labor_count'),
  at('employed_count'),
  at('industry_covered'),
  at('family_doctor_signed'),
  at('medical_insured'),
  at('sanitary_toilet'),
  at('safe_housing'),
  at('safe_water'),
  at('dropout_children')
];

/** The measures a household row may leave unreported, equally often. */
const GAPS = [DOCTOR, INCOME, DROPOUT, LABOR, INSURED, WATER];

/**
 * Writes the rows of one village's households, one per household and year
 * (year by year), through `emit` as cells in the contract's column order.
 * The array is reused: `emit` must consume it before returning (a CsvWriter's
 * `pushCells` does). Status, monitoring and income follow the household's
 * traits and its monitoring episode, if any.
 */
export function householdRows(context: HouseholdContext, emit: (cells: readonly CsvValue[]) => void): void {
  const {plan, profile, povertyLines} = context;
  const cells = new Array<CsvValue>(COLUMNS.length).fill('');
  const random = createRandom(context.seed, 'households', plan.region.code);
  const households = drawHouseholds(context, random);
  // Cells left empty (not reported), from a stream of their own so that every value stays what it was: about
  // 1.5 % of household rows miss one measure, and in 2019 the toilet survey had reached three households in four.
  const gaps = createRandom(context.seed, 'household-gaps', plan.region.code);

  // The village's sanitary-toilet coverage rises from 62–85% in 2019 towards 93–99.5% in 2025.
  const toilet2019 = random.uniform(0.62, 0.85);
  const toilet2025 = random.uniform(0.93, 0.995);
  let meanAll = profile.income2019;
  let meanRegistered = profile.income2019;

  YEARS.forEach((year, i) => {
    meanAll *= profile.incomeGrowth[i]!;
    meanRegistered *= profile.incomeGrowth[i]! + (i > 0 ? profile.registeredExtraGrowth : 0);
    const line = povertyLines.get(year)!;
    const end = yearEnd(year);
    const progress = Math.sqrt(i / (YEARS.length - 1));
    const toiletShare = toilet2019 + (toilet2025 - toilet2019) * progress;
    const unsafe = year === 2019 ? 0.006 : year === 2020 ? 0.002 : 0.001;

    for (const h of households) {
      const ep = h.episode !== null && isActiveIn(h.episode, year) ? h.episode : null;
      const eliminated = ep !== null && ep.eliminated !== null && ep.eliminated <= end;
      const riskOpen = ep !== null && !eliminated;
      const returnedNow = riskOpen && ep.returned;
      const status = !h.registered
        ? 'none'
        : year === 2019 && h.poor2019
          ? 'poor'
          : returnedNow
            ? 'returned'
            : 'exited';

      let income = (h.registered ? meanRegistered : meanAll) * h.income * Math.exp(0.05 * random.normal());
      if (status === 'poor') income = line * random.uniform(0.7, 1.0);
      else if (returnedNow) income = line * random.uniform(0.6, 0.95);
      else if (riskOpen && ep.type === 'edge') income = line * random.uniform(0.95, 1.5);
      else if (riskOpen) income *= random.uniform(0.55, 0.85);
      // Exit required income above the line: only a few exited households fall below it without a monitoring record.
      if (status === 'exited' && !riskOpen && income < line * 1.03 && random.chance(0.85)) {
        income = line * random.uniform(1.03, 1.4);
      }

      const noWork = riskOpen && ep.riskFlags.includes(3);
      // Non-registered households take up or drop farming now and then.
      const industry = !noWork && (h.registered ? h.industry : h.industry !== random.chance(0.05));
      let employed = 0;
      if (!noWork) for (let l = 0; l < h.labor; l++) if (random.chance(0.6)) employed++;
      if (h.registered && h.labor > 0 && !industry && employed === 0 && !noWork && random.chance(0.9)) employed = 1;

      cells[ID] = h.id;
      cells[YEAR] = year;
      cells[VILLAGE] = plan.region.code;
      cells[NAME] = h.identity.name;
      cells[ID_NUMBER] = h.identity.idNumber;
      cells[PHONE] = h.identity.phone;
      cells[MEMBERS] = h.members;
      cells[REGISTERED] = h.registered;
      cells[STATUS] = status;
      cells[EXIT_YEAR] = status === 'exited' ? exitYearOf(h, year) : '';
      cells[MONITORED] = ep !== null;
      cells[MONITOR_TYPE] = ep?.type ?? '';
      cells[SINCE] = ep !== null ? formatDay(ep.since) : '';
      cells[RISK_FLAGS] = ep?.riskFlags.join(';') ?? '';
      cells[ELIMINATED] = eliminated ? formatDay(ep.eliminated!) : '';
      cells[INCOME] = income.toFixed(2);
      cells[LABOR] = h.labor;
      cells[EMPLOYED] = employed;
      cells[INDUSTRY] = industry;
      cells[DOCTOR] = signed(random, h, profile.doctorAllSigned);
      cells[INSURED] = random.chance(h.registered ? 0.997 : 0.98) ? h.members : h.members - 1;
      cells[TOILET] = h.toiletRank < toiletShare;
      cells[HOUSING] = !(h.housingRank < (h.registered ? unsafe : 0.01) || (riskOpen && ep.riskFlags.includes(6)));
      cells[WATER] = !(h.waterRank < (h.registered ? unsafe * 2 : 0.012));
      cells[DROPOUT] = h.registered && h.members >= 3 && random.chance(0.0008) ? 1 : 0;
      const missing = gaps.next();
      if (missing < 0.015) cells[GAPS[Math.floor(missing / 0.0025)]!] = '';
      if (year === FIRST_YEAR && gaps.chance(0.25)) cells[TOILET] = '';
      emit(cells);
    }
  });
}

// A household that returned to poverty exits again in the year its risk is eliminated.
function exitYearOf(h: Household, year: number): number {
  const ep = h.episode;
  if (ep === null || !ep.returned || ep.eliminated === null) return h.exitYear;
  const back = yearOf(ep.eliminated);
  return back <= year && yearOf(ep.since) < back ? back : h.exitYear;
}

// 家庭医生签约: registered households are signed almost in full, others less often.
function signed(random: Random, h: Household, allSigned: number): number {
  if (h.registered) return random.chance(allSigned) ? h.members : Math.max(0, h.members - random.int(1, 2));
  return random.chance(0.7) ? h.members : random.int(0, h.members - 1);
}
