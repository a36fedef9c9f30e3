/**
 * The catalogue of stable error codes: what each means for the person who
 * edited the CSV, in Chinese (the default) and English, with a hint on how to
 * fix it. Codes never change once published; messages may be reworded.
 * Templates name their parameters in braces (`{min}`), filled from
 * `Problem.params`.
 */
import {INPUT_TABLES} from '../../src/lib/input-tables.ts';
import {fillPlaceholders} from '../../src/lib/fill-placeholders.ts';

/** Message language: Chinese by default, English with `--lang en`. */
export type Lang = 'zh' | 'en';

interface Template {
  zh: string;
  en: string;
}

interface ErrorTemplate {
  message: Template;
  hint: Template;
}

const t = (zh: string, en: string): Template => ({zh, en});

const INGEST_CODES = {
  E_MISSING_FILE: {
    message: t('输入目录 {folder} 中没有这个文件', 'file not found in input folder {folder}'),
    hint: t(
      '这是必需的输入文件；文件名须完全一致（小写，.csv）',
      'this input is required; the name must match exactly (lower case, .csv)'
    )
  },
  E_EMPTY_FILE: {
    message: t('文件为空，没有表头行', 'file is empty: there is no header row'),
    hint: t('第一行（注释行之后）应为表头', 'the first line (after any # comment lines) must be the header')
  },
  E_ENCODING: {
    message: t('含无法按 {encoding} 解码的字节', 'has bytes that cannot be decoded as {encoding}'),
    hint: t(
      '在 Excel 中另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”；不要混用编码',
      'save it from Excel as "CSV UTF-8 (Comma delimited)" or "CSV (Comma delimited)"; do not mix encodings'
    )
  },
  E_NOT_CSV: {
    message: t('是 Excel 工作簿，不是 CSV 文本', 'is an Excel workbook, not CSV text'),
    hint: t('在 Excel 中用“另存为”保存成 CSV', 'use "Save As" in Excel and choose a CSV format')
  },
  E_QUOTING: {
    message: t(
      '引号不配对：从这一行开始的带引号字段没有闭合，或闭合引号后还有字符',
      'broken quoting: a quoted field starting on this line is not closed, or has text after its closing quote'
    ),
    hint: t(
      '含逗号、引号或换行的值要整体用双引号括起，值内的双引号写成两个（""）',
      'enclose a value holding commas, quotes or line breaks in double quotes, and double any quote inside it ("")'
    )
  },
  E_RECORD_TOO_LONG: {
    message: t(
      '从这一行开始的记录超过 {limit} 个字符',
      'the record starting on this line is longer than {limit} characters'
    ),
    hint: t('检查是否缺少换行，或有未闭合的引号', 'look for missing line breaks or an unclosed quote')
  },
  E_MISSING_COLUMN: {
    message: t('缺少必需列 {columns}', 'missing required column {columns}'),
    hint: t(
      '表头用英文列名或中文别名均可，顺序不限',
      'the header may use the English name or the Chinese alias, in any order'
    )
  },
  E_DUPLICATE_COLUMN: {
    message: t('在表头中出现两次（"{first}" 和 "{second}"）', 'appears twice in the header ("{first}" and "{second}")'),
    hint: t('删除重复的一列', 'delete one of the two columns')
  },
  E_COLUMN_COUNT: {
    message: t(
      '这一行有 {actual} 个字段，表头有 {expected} 个',
      'this row has {actual} fields, the header has {expected}'
    ),
    hint: t('含逗号的值要用双引号括起', 'enclose values holding commas in double quotes')
  },
  E_REQUIRED: {
    message: t('不能为空', 'must not be empty'),
    hint: t('填写这一项', 'fill in this cell')
  },
  E_INTEGER: {
    message: t('不是整数', 'is not a whole number'),
    hint: t(
      '只写数字，如 3 或 1,234；不带小数、单位或科学计数法',
      'write digits only, like 3 or 1,234: no decimals, units or exponents'
    )
  },
  E_NUMBER: {
    message: t('不是数字', 'is not a number'),
    hint: t('写成 1234.5 或 1,234.5；不带单位或科学计数法', 'write it like 1234.5 or 1,234.5: no units or exponents')
  },
  E_SHARE: {
    message: t('不是比例', 'is not a share'),
    hint: t('写成 0.95 或 95%', 'write it as 0.95 or 95%')
  },
  E_BOOLEAN: {
    message: t('不是“是/否”值', 'is not a yes/no value'),
    hint: t('写 是/否、1/0、Y/N 或 true/false', 'write 是/否, 1/0, Y/N or true/false')
  },
  E_DATE: {
    message: t('不是有效日期', 'is not a valid date'),
    hint: t('写成 2020-05-06、2020/5/6 或 2020年5月6日', 'write it as 2020-05-06, 2020/5/6 or 2020年5月6日')
  },
  E_ENUM: {
    message: t('不是允许的取值', 'is not an allowed value'),
    hint: t('允许的取值：{allowed}', 'allowed values: {allowed}')
  },
  E_RISK_FLAG: {
    message: t('含 1–10 以外的风险特征代码', 'holds a risk feature code outside 1–10'),
    hint: t('写 1 到 10 的代码，用分号或顿号分隔，如 "1;3"', 'write codes 1 to 10 separated by semicolons, like "1;3"')
  }
} as const satisfies Record<string, ErrorTemplate>;

// Pre-declared for the validate stage so that the catalogue is complete in one
// place; the validate stage fills the parameters named here.
const VALIDATION_CODES = {
  E_RANGE: {
    message: t('必须 {rule}', 'must be {rule}'),
    hint: t('检查数值和单位', 'check the value and its unit')
  },
  E_CODE_FORMAT: {
    message: t(
      '格式不对：{level}级代码应为 {digits} 位数字',
      'has the wrong format: a {level} code has {digits} digits'
    ),
    hint: t('区划代码为 2、4、6、9 或 12 位数字', 'region codes have 2, 4, 6, 9 or 12 digits')
  },
  E_DUPLICATE: {
    message: t('与第 {firstLine} 行重复（{key}）', 'duplicates line {firstLine} ({key})'),
    hint: t('每个 {key} 只能有一行', 'keep one row per {key}')
  },
  E_UNKNOWN_REGION: {
    message: t('不是 regions.csv 中的区划代码', 'is not a region code in regions.csv'),
    hint: t('先在 regions.csv 中登记这个区划', 'add the region to regions.csv first')
  },
  E_UNKNOWN_VILLAGE: {
    message: t('不是 regions.csv 中级别为村的代码', 'is not a village code in regions.csv'),
    hint: t('填 12 位村级区划代码', 'use the 12-digit code of a village')
  },
  E_UNKNOWN_PARENT: {
    message: t('上级代码在 regions.csv 中不存在', 'is a parent code not found in regions.csv'),
    hint: t(
      '只有最高一级（省；没有省时为市）的上级代码可以为空',
      'only the top region (the province; the city where there is none) may have an empty parent code'
    )
  },
  E_PARENT_LEVEL: {
    message: t('上级应为{expected}级，实际为{actual}级', 'the parent must be a {expected}, not a {actual}'),
    hint: t(
      '上级代码须恰好高一级：村 → 乡镇 → 县 → 市 → 省',
      'the parent must be exactly one level up: village → township → county → city → province'
    )
  },
  E_ROOT_PARENT: {
    message: t('{level}为最高一级，不应填上级代码', 'the {level} is the top level and has no parent'),
    hint: t('清空这一格', 'leave the cell empty')
  },
  E_SECOND_ROOT: {
    message: t(
      '第 {firstLine} 行已是没有上级的{level}级区划；一份数据只能有一个最高一级区划',
      'line {firstLine} is already a {level} without a parent; a dataset has one top region'
    ),
    hint: t(
      '一个市的数据只列本市；全省数据的各市上级代码填为省代码',
      "a city's data lists that city only; a province's adds the province's row as each city's parent"
    )
  },
  E_PARENT_PREFIX: {
    message: t('不是本行代码 {code} 的开头', "does not begin this row's code {code}"),
    hint: t(
      '下级区划代码以上级代码开头：核对这两个代码',
      "a region's code begins with its parent's: check the two codes"
    )
  },
  E_UNKNOWN_FUND: {
    message: t('不是 funds.csv 中的资金编号', 'is not a fund id in funds.csv'),
    hint: t('先在 funds.csv 中登记这笔资金', 'add the fund to funds.csv first')
  },
  E_STATUS_REGISTERED: {
    message: t('与是否建档立卡不一致', 'contradicts the registered flag'),
    hint: t(
      '未建档立卡的户脱贫状态为 none（非建档立卡），建档立卡户不能为 none',
      'status is none (非建档立卡) exactly when the household is not registered'
    )
  },
  E_EXIT_YEAR: {
    message: t('须填写且不晚于年度 {year}', 'is required and must not be after the year {year}'),
    hint: t(
      '已脱贫户必须填脱贫年度；脱贫年度不能晚于本行的年度',
      'households that exited poverty need their exit year, and an exit year cannot be after the row’s year'
    )
  },
  E_MONITOR_FIELDS: {
    message: t('与是否监测对象不一致', 'contradicts the monitored flag'),
    hint: t(
      '监测对象须填监测对象类别和纳入监测日期，非监测对象不填',
      'monitored households need monitor_type and monitored_since; others leave them empty'
    )
  },
  E_DATE_ORDER: {
    message: t('早于 {other}（{otherValue}）', 'is before {other} ({otherValue})'),
    hint: t('检查两个日期是否填反', 'check whether the two dates are swapped')
  },
  E_STATUS_DATE: {
    message: t('项目状态为{status}时不能为空', 'must not be empty for a project whose status is {status}'),
    hint: t(
      '已开工（在建、完工、已验收）的项目填开工日期，完工或已验收的项目还要填完工日期；计划项目可都不填',
      'a project under way (in_progress, completed, accepted) needs its start date, a completed or accepted one its end date too; a planned project may leave both empty'
    )
  },
  E_TARGET_UNIT: {
    message: t(
      '带百分号，但指标 {indicator} 的单位是{unit}，不是比例',
      'carries a percent sign, but indicator {indicator} is measured in {unit}, not as a share'
    ),
    hint: t(
      '按指标的单位写目标值，如 50000（元）；只有比例指标可写 95% 或 0.95',
      "write the target in the indicator's unit, like 50000 (yuan); only a share may be written 95% or 0.95"
    )
  },
  E_NO_ROWS: {
    message: t('只有表头，没有数据行', 'has a header but no rows'),
    hint: t(
      '检查导出是否完整；若确实还没有数据，用 --allow-empty {file} 明确允许它为空',
      'check that the export is complete; if there really are no rows yet, allow it with --allow-empty {file}'
    )
  },
  E_SPENT_OVER_BUDGET: {
    message: t('超过计划投资 {budget} 的 105%', 'exceeds 105% of the budget {budget}'),
    hint: t('核对已支付金额，或先调整计划投资', 'check the amount paid, or revise the budget first')
  },
  E_MEMBER_BOUND: {
    message: t('大于家庭人口数 {members}', 'is larger than the household size {members}'),
    hint: t('人数不能超过家庭人口数', 'a count of people cannot exceed the household size')
  },
  E_YEAR_RANGE: {
    message: t('年度须在 {min}–{max} 之间', 'year must be within {min}–{max}'),
    hint: t('年度为四位数字，如 2021', 'write the year with four digits, like 2021')
  },
  E_DATE_YEAR: {
    message: t('{rule} {year}', '{rule} {year}'),
    hint: t('核对日期和年度', 'check the date and the year')
  },
  E_UNKNOWN_INDICATOR: {
    message: t('不是已知的指标代码', 'is not a known indicator id'),
    hint: t(
      '指标代码见 docs/data-contract.md 第 1.7 节，或网站“指标”页',
      'indicator ids are listed in docs/data-contract.md section 1.7 and on the site’s indicators page'
    )
  },
  E_PERSONAL_DATA: {
    message: t(
      '填写了住户的{kind}：此列随项目公开发布',
      'holds a household’s {kind}: this column is published with the project'
    ),
    hint: t(
      '责任单位、资产权属填单位名称（如 县农业农村局、村集体），监督电话填单位电话（如 12317）',
      'name an office in responsible_unit and asset_owner (e.g. 县农业农村局, 村集体) and an office line in hotline (e.g. 12317)'
    )
  },
  E_REJECTED_SHARE: {
    message: t(
      '{read} 行中有 {rejected} 行被拒绝（{share}），超过上限 {threshold}',
      '{rejected} of {read} rows were rejected ({share}), above the limit of {threshold}'
    ),
    hint: t('按拒绝报告逐行修正后重新运行', 'fix the rows listed in the rejection report and run again')
  },
  E_SITE_CONFIG: {
    message: t('站点配置 {field} 无效：{reason}', 'site configuration {field} is invalid: {reason}'),
    hint: t(
      '见 docs/data-contract.md 第 1.11 节：publisher、title、licence、citation 为文字或 {zh, en}，site_url 为 http(s) 网址，coverage_threshold 为 0 到 1 之间的比例（如 0.8 或 80%）',
      'see docs/data-contract.md section 1.11: publisher, title, licence, citation are text or {zh, en}; site_url is an http(s) URL; coverage_threshold is a share above 0 and at most 1 (0.8 or 80%)'
    )
  }
} as const satisfies Record<string, ErrorTemplate>;

// Raised by the build's own checks of what it is about to publish: they stop the build rather than
// publish something that could identify a household.
const RELEASE_CODES = {
  E_DISCLOSURE: {
    message: t(
      '发布前自查发现 {count} 个可被识别或反推的单元，例如 {first}',
      'the pre-publication audit found {count} cells that are below threshold or recoverable, e.g. {first}'
    ),
    hint: t(
      '这是 Gongshi 的缺陷，不是输入数据的问题；请报告此消息（不含任何个人信息），旧的发布内容保持不变',
      'this is a bug in Gongshi, not in the input; please report this message (it holds no personal data); the previous release is unchanged'
    )
  },
  E_PII_LEAK: {
    message: t(
      '要发布的数据或网站中有 {count} 处个人信息（{kinds}），首处在此',
      'personal data ({kinds}) found {count} times in the data or site to publish, first here'
    ),
    hint: t(
      '项目名称、责任单位、资产权属、监督电话等公开字段不得写入户主姓名、证件号码或电话；旧的发布内容保持不变',
      'public fields such as project name, responsible unit, asset owner and hotline must not hold a head of household’s name, ID number or phone; the previous release is unchanged'
    )
  }
} as const satisfies Record<string, ErrorTemplate>;

/** Every error code with its Chinese and English message and hint templates. */
export const ERROR_CODES: Readonly<Record<ErrorCode, ErrorTemplate>> = {
  ...INGEST_CODES,
  ...VALIDATION_CODES,
  ...RELEASE_CODES
};

/** A stable error code such as `E_MISSING_COLUMN`. */
export type ErrorCode = keyof typeof INGEST_CODES | keyof typeof VALIDATION_CODES | keyof typeof RELEASE_CODES;

/**
 * One fault found in the input: a whole file (no `line`), a row (no `column`)
 * or a cell. `value` is the raw cell text; it is never set, and never printed,
 * for a PII column. `column` is the canonical column name.
 */
export interface Problem {
  code: ErrorCode;
  file: string;
  line?: number;
  column?: string;
  value?: string;
  params?: Record<string, string | number>;
}

/** Whether `code` is one of the catalogued codes. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

const LABELS = {
  zh: {column: '列', value: '值', hint: '提示：'},
  en: {column: 'column', value: 'value', hint: 'hint: '}
};
const MAX_VALUE_CHARS = 80;

// Looked up from the input contract rather than trusted to the caller, so a
// PII value cannot reach a message even if a stage sets it by mistake.
const PII = new Set(INPUT_TABLES.flatMap((s) => s.columns.filter((c) => c.pii).map((c) => `${s.file}\0${c.name}`)));

/**
 * Renders one problem as a line such as
 * `households.csv:1043 列 members: 值 "0" 必须 ≥ 1 [E_RANGE]`, followed by an
 * indented hint line unless `hint` is false. The value is omitted for PII
 * columns, shortened past 80 characters and escaped so it stays on one line.
 */
export function formatProblem(problem: Problem, lang: Lang = 'zh', {hint = true}: {hint?: boolean} = {}): string {
  const {code, file, line, column, value, params = {}} = problem;
  const labels = LABELS[lang];
  const template = ERROR_CODES[code];
  let text = line === undefined ? file : `${file}:${line}`;
  if (column !== undefined) text += ` ${labels.column} ${column}:`;
  if (value !== undefined && !(column !== undefined && PII.has(`${file}\0${column}`))) {
    text += ` ${labels.value} ${quote(value)}`;
  }
  text += ` ${fill(template.message[lang], params, lang)} [${code}]`;
  return hint ? `${text}\n  ${labels.hint}${fill(template.hint[lang], params, lang)}` : text;
}

/** Fills a message's placeholders with its parameters, each in words of `lang` where it has them (a level). */
function fill(template: string, params: Record<string, string | number>, lang: Lang): string {
  const words = Object.entries(params).map(([name, value]) => [name, paramText(name, String(value), lang)]);
  return fillPlaceholders(template, Object.fromEntries(words));
}

const LEVEL_WORDS: Record<string, Record<Lang, string>> = {
  province: {zh: '省', en: 'province'},
  city: {zh: '市', en: 'city'},
  county: {zh: '县', en: 'county'},
  township: {zh: '乡镇', en: 'township'},
  village: {zh: '村', en: 'village'}
};
const STATUS_WORDS: Record<string, Record<Lang, string>> = {
  planned: {zh: '计划', en: 'planned'},
  in_progress: {zh: '在建', en: 'in progress'},
  completed: {zh: '完工', en: 'completed'},
  accepted: {zh: '已验收', en: 'accepted'}
};
const UNIT_WORDS: Record<string, Record<Lang, string>> = {
  yuan: {zh: '元', en: 'yuan'},
  people: {zh: '人', en: 'people'},
  percentage_points: {zh: '百分点', en: 'percentage points'},
  percent: {zh: '%', en: 'percent'}
};
const KIND_WORDS: Record<string, Record<Lang, string>> = {
  name: {zh: '姓名', en: 'name'},
  id_number: {zh: '证件号码', en: 'ID number'},
  phone: {zh: '电话', en: 'phone'}
};

/**
 * The words that params named here carry, in each language: region levels,
 * kinds of personal data, rules. Params stay language-free in the JSON
 * report. Only these params are translated: any other may hold the input's
 * own text (a header, a folder), which must be quoted as written.
 */
const PARAM_WORDS: Record<string, Record<string, Record<Lang, string>>> = {
  level: LEVEL_WORDS,
  expected: LEVEL_WORDS,
  actual: LEVEL_WORDS,
  kind: KIND_WORDS,
  kinds: KIND_WORDS,
  status: STATUS_WORDS,
  unit: UNIT_WORDS,
  rule: {
    'not after': {zh: '不能晚于年度', en: 'must not be after the year'},
    'within a year of': {zh: '应在年度前后一年内，年度为', en: 'must be within a year of the year'},
    '> 0, ≤ 2 decimals': {zh: '> 0，且最多两位小数', en: '> 0, with at most 2 decimals'}
  }
};

/** The text of param `name` in `lang`; a list (`name, phone`) item by item. */
function paramText(name: string, value: string, lang: Lang): string {
  const words = PARAM_WORDS[name];
  if (!words) return value;
  if (Object.hasOwn(words, value)) return words[value]![lang];
  const items = value.split(', ');
  if (!items.some((item) => Object.hasOwn(words, item))) return value;
  return items.map((item) => words[item]?.[lang] ?? item).join(lang === 'zh' ? '、' : ', ');
}

function quote(value: string): string {
  const short = value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
  // JSON escaping keeps a value with quotes or line breaks on one line while leaving Chinese readable; characters
  // that print as nothing (a zero-width space, a byte-order mark) are spelt out, so that a cell holding one cannot read as empty.
  return JSON.stringify(short).replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Format and space characters a terminal shows as nothing: zero-width spaces and joiners, marks, the BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g;
