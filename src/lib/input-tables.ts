/**
 * The input contract (docs/data-contract.md, section 1): every input file, its
 * columns, their Chinese aliases, value types and whether they carry personal
 * data. Ingest, validation and the sample generator all read this one table,
 * so a column is named in exactly one place.
 */

/**
 * How a cell is normalised before rules apply. A `quantity` is a number that may carry a percent sign
 * (`95%` = 0.95): a target, whose indicator decides whether a percent is allowed.
 */
export type ColumnType = 'string' | 'int' | 'decimal' | 'share' | 'quantity' | 'bool' | 'date' | 'enum' | 'list';

export interface ColumnSpec {
  /** Canonical English header, also the published column name. */
  name: string;
  /** The Chinese header an office export may use instead. */
  alias: string;
  type: ColumnType;
  /** Whether the header must carry this column; its cells must then be filled unless `emptyAllowed`. */
  required: boolean;
  /** A required column whose cells may be empty (e.g. exit_year of a household that has not exited). */
  emptyAllowed?: boolean;
  /**
   * A measure: an empty cell means *not reported* (contract v2). The row is accepted with the cell missing
   * (NULL), every indicator that needs it counts only the units that reported it, and the data-quality page
   * counts the empty cells.
   */
  measure?: boolean;
  /** Personal data: dropped at ingest, its values never printed. */
  pii?: boolean;
  /** Allowed values for `enum` columns, with their Chinese spellings. */
  values?: Record<string, string>;
}

export interface InputTableSpec {
  /** File name inside the input folder. */
  file: string;
  /** Name used in messages and as the DuckDB table. */
  table: InputTableName;
  /** Whether the file must be present. */
  required: boolean;
  /** Whether rows describe persons or households (never published row by row). */
  sensitive: boolean;
  columns: ColumnSpec[];
}

export type InputTableName = 'regions' | 'households' | 'villages' | 'funds' | 'projects' | 'targets';

export const REGION_LEVELS = {province: '省', city: '市', county: '县', township: '乡镇', village: '村'} as const;
export type RegionLevel = keyof typeof REGION_LEVELS;
/** Digits of an official code at each level (统计用区划代码, shortened per level). */
export const CODE_LENGTH: Record<RegionLevel, number> = {province: 2, city: 4, county: 6, township: 9, village: 12};
/** The level one up from each (the province is the top). */
export const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  province: null,
  city: 'province',
  county: 'city',
  township: 'county',
  village: 'township'
};
/**
 * The levels a hierarchy may start at: a province's site (省 → 市 → …) or a city's, as most offices publish (a
 * city's row then has no parent; a province is not required above it).
 */
export const ROOT_LEVELS: readonly RegionLevel[] = ['province', 'city'];
/** Whether a level lies above the county: the levels whose regions hold counties rather than belong to one. */
export const isAboveCounty = (level: string) => level === 'province' || level === 'city';
/** Whether a region is a county or above it: the regions a site's overview tables list. */
export const isCountyOrAbove = (level: string) => level === 'county' || isAboveCounty(level);

export const HOUSEHOLD_STATUSES = {poor: '未脱贫', exited: '已脱贫', returned: '返贫', none: '非建档立卡'} as const;
/**
 * The most members a household record may have. Rural households of more than 20 are unknown in the 建档立卡
 * records (the national average is about 3.5); the bound is what lets a band of 1..k−1 withheld households be
 * published as a band of people too (at most 20 for each), so a record above it is a typo to correct.
 */
export const MAX_HOUSEHOLD_MEMBERS = 20;
export const MONITOR_TYPES = {unstable: '脱贫不稳定户', edge: '边缘易致贫户', sudden: '突发严重困难户'} as const;
export type MonitorType = keyof typeof MONITOR_TYPES;
export const FUND_LEVELS = {central: '中央', provincial: '省级', municipal: '市级', county: '县级'} as const;
export type FundLevel = keyof typeof FUND_LEVELS;
export const PROJECT_STATUSES = {planned: '计划', in_progress: '在建', completed: '完工', accepted: '已验收'} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUSES;
export const PROJECT_TYPES = [
  '产业发展',
  '就业',
  '基础设施',
  '公共服务',
  '教育',
  '健康',
  '住房',
  '饮水',
  '其他'
] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
export const TARGET_DIRECTIONS = {'>=': '>=', '<=': '<=', '=': '='} as const;

/** The ten risk features (风险特征) of 赣市扶攻字〔2020〕4号, 二(一)1. */
export const RISK_FEATURES: Record<number, string> = {
  1: '转移性收入占比超过40%',
  2: '家庭劳动力系数≤0.5',
  3: '有劳动力但无产业覆盖、零就业',
  4: '大病导致自付医疗费用负担过重或丧失主要劳动力',
  5: '2个及以上孩子在非义务教育学段就学',
  6: '唯一住房是土坯房',
  7: '因不可抗因素发展产业失败',
  8: '因灾、因事故、因疫情导致劳动力丧失或支出骤增、收入骤减',
  9: '16岁以下无法定监护人或60岁以上无法定赡养人',
  10: '其他特殊困难'
};

const enumValues = (values: Record<string, string>) => ({type: 'enum' as const, values});

export const INPUT_TABLES: InputTableSpec[] = [
  {
    file: 'regions.csv',
    table: 'regions',
    required: true,
    sensitive: false,
    columns: [
      {name: 'code', alias: '区划代码', type: 'string', required: true},
      {name: 'name', alias: '名称', type: 'string', required: true},
      {name: 'level', alias: '级别', ...enumValues(REGION_LEVELS), required: true},
      {name: 'parent_code', alias: '上级代码', type: 'string', required: true, emptyAllowed: true},
      {name: 'poor_village', alias: '是否贫困村', type: 'bool', required: false},
      {name: 'deep_poor_village', alias: '是否深度贫困村', type: 'bool', required: false},
      {name: 'weak_village', alias: '是否经济薄弱村', type: 'bool', required: false}
    ]
  },
  {
    file: 'households.csv',
    table: 'households',
    required: true,
    sensitive: true,
    columns: [
      {name: 'household_id', alias: '户编号', type: 'string', required: true},
      {name: 'year', alias: '年度', type: 'int', required: true},
      {name: 'village_code', alias: '村代码', type: 'string', required: true},
      {name: 'head_name', alias: '户主姓名', type: 'string', required: false, pii: true},
      {name: 'id_number', alias: '证件号码', type: 'string', required: false, pii: true},
      {name: 'phone', alias: '联系电话', type: 'string', required: false, pii: true},
      {name: 'members', alias: '家庭人口数', type: 'int', required: true},
      {name: 'registered', alias: '是否建档立卡', type: 'bool', required: true},
      {name: 'status', alias: '脱贫状态', ...enumValues(HOUSEHOLD_STATUSES), required: true},
      {name: 'exit_year', alias: '脱贫年度', type: 'int', required: true, emptyAllowed: true},
      {name: 'monitored', alias: '是否监测对象', type: 'bool', required: true},
      {name: 'monitor_type', alias: '监测对象类别', ...enumValues(MONITOR_TYPES), required: true, emptyAllowed: true},
      {name: 'monitored_since', alias: '纳入监测日期', type: 'date', required: true, emptyAllowed: true},
      {name: 'risk_flags', alias: '风险特征', type: 'list', required: true, emptyAllowed: true},
      {name: 'risk_eliminated_date', alias: '风险消除日期', type: 'date', required: false},
      {name: 'per_capita_income', alias: '人均纯收入', type: 'decimal', required: true, measure: true},
      {name: 'labor_count', alias: '劳动力人数', type: 'int', required: true, measure: true},
      {name: 'employed_count', alias: '务工就业人数', type: 'int', required: true, measure: true},
      {name: 'industry_covered', alias: '是否有产业覆盖', type: 'bool', required: true, measure: true},
      {name: 'family_doctor_signed', alias: '家庭医生签约人数', type: 'int', required: true, measure: true},
      {name: 'medical_insured', alias: '基本医保参保人数', type: 'int', required: true, measure: true},
      {name: 'sanitary_toilet', alias: '是否无害化卫生厕所', type: 'bool', required: true, measure: true},
      {name: 'safe_housing', alias: '住房安全有保障', type: 'bool', required: true, measure: true},
      {name: 'safe_water', alias: '饮水安全有保障', type: 'bool', required: true, measure: true},
      {name: 'dropout_children', alias: '义务教育失学辍学人数', type: 'int', required: true, measure: true}
    ]
  },
  {
    file: 'villages.csv',
    table: 'villages',
    required: true,
    sensitive: false,
    columns: [
      {name: 'village_code', alias: '村代码', type: 'string', required: true},
      {name: 'year', alias: '年度', type: 'int', required: true},
      {
        name: 'collective_operating_income',
        alias: '村集体经济经营性收入',
        type: 'decimal',
        required: true,
        measure: true
      },
      {name: 'garbage_collection_rate', alias: '生活垃圾集中收运率', type: 'share', required: true, measure: true},
      {name: 'greening_rate', alias: '村庄绿化覆盖率', type: 'share', required: true, measure: true},
      {name: 'tap_water_rate', alias: '自来水普及率', type: 'share', required: true, measure: true}
    ]
  },
  {
    file: 'funds.csv',
    table: 'funds',
    required: true,
    sensitive: false,
    columns: [
      {name: 'fund_id', alias: '资金编号', type: 'string', required: true},
      {name: 'year', alias: '年度', type: 'int', required: true},
      {name: 'level', alias: '资金级次', ...enumValues(FUND_LEVELS), required: true},
      {name: 'category', alias: '资金类别', type: 'string', required: true},
      {name: 'document_no', alias: '文号', type: 'string', required: true},
      {name: 'recipient_code', alias: '下达地区', type: 'string', required: true},
      {name: 'amount', alias: '金额', type: 'decimal', required: true},
      {name: 'issued_date', alias: '下达日期', type: 'date', required: true}
    ]
  },
  {
    file: 'projects.csv',
    table: 'projects',
    required: true,
    sensitive: false,
    columns: [
      {name: 'project_id', alias: '项目编号', type: 'string', required: true},
      {name: 'year', alias: '年度', type: 'int', required: true},
      {name: 'name', alias: '项目名称', type: 'string', required: true},
      {
        name: 'type',
        alias: '项目类型',
        ...enumValues(Object.fromEntries(PROJECT_TYPES.map((t) => [t, t]))),
        required: true
      },
      {name: 'region_code', alias: '实施地点', type: 'string', required: true},
      {name: 'fund_id', alias: '资金编号', type: 'string', required: true},
      {name: 'budget', alias: '计划投资', type: 'decimal', required: true},
      {name: 'spent', alias: '已支付', type: 'decimal', required: true},
      {name: 'beneficiary_households', alias: '受益户数', type: 'int', required: true},
      {name: 'beneficiary_poor_households', alias: '其中脱贫户和监测户', type: 'int', required: true},
      {name: 'status', alias: '项目状态', ...enumValues(PROJECT_STATUSES), required: true},
      {name: 'start_date', alias: '开工日期', type: 'date', required: true, emptyAllowed: true},
      {name: 'end_date', alias: '完工日期', type: 'date', required: true, emptyAllowed: true},
      {name: 'responsible_unit', alias: '责任单位', type: 'string', required: true},
      {name: 'notice_start', alias: '公示开始', type: 'date', required: false},
      {name: 'notice_end', alias: '公示结束', type: 'date', required: false},
      {name: 'asset_owner', alias: '资产权属', type: 'string', required: false},
      {name: 'hotline', alias: '监督电话', type: 'string', required: false}
    ]
  },
  {
    file: 'targets.csv',
    table: 'targets',
    required: false,
    sensitive: false,
    columns: [
      {name: 'indicator_id', alias: '指标代码', type: 'string', required: true},
      {name: 'region_code', alias: '区划代码', type: 'string', required: true},
      {name: 'year', alias: '年度', type: 'int', required: true},
      {name: 'target', alias: '目标值', type: 'quantity', required: true},
      {name: 'direction', alias: '方向', ...enumValues(TARGET_DIRECTIONS), required: true},
      {name: 'source', alias: '依据', type: 'string', required: true}
    ]
  }
];

/** Whether an empty cell of `column` is accepted: a measure not reported, or a cell its row's rules may leave empty. */
export const mayBeEmpty = (column: ColumnSpec): boolean =>
  !column.required || column.emptyAllowed === true || column.measure === true;

/** The measure columns of a table, whose empty cells mean "not reported". */
export const measureColumns = (spec: InputTableSpec): ColumnSpec[] => spec.columns.filter((c) => c.measure);

/** Returns the spec of one input table; throws on an unknown name (a bug of ours). */
export function inputTable(table: InputTableName): InputTableSpec {
  const spec = INPUT_TABLES.find((t) => t.table === table);
  if (!spec) throw new Error(`unknown input table: ${table}`);
  return spec;
}
