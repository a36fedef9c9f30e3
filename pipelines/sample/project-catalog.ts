import type {PROJECT_TYPES} from '../../src/lib/input-tables.ts';

/** A project type of the contract's enum. */
export type ProjectType = (typeof PROJECT_TYPES)[number];

/** How projects of one type look: how common, what they are called, what they cost, who runs them. */
export interface ProjectKind {
  type: ProjectType;
  /** Relative frequency among a village's projects. */
  weight: number;
  /** Name suffixes appended to the place name. */
  names: string[];
  /** Budget range in yuan for a village project; township projects cost about twice as much. */
  budget: [number, number];
  /** The county bureau in charge; `null` means the township government. */
  bureau: string | null;
  /** Whether the project leaves an asset (a subsidy does not). */
  asset: boolean;
}

/** The catalogue, in the order of the contract's enum; 产业发展 and 基础设施 dominate as in real 项目库. */
export const PROJECT_KINDS: ProjectKind[] = [
  {
    type: '产业发展',
    weight: 35,
    names: ['产业基地建设项目', '脐橙产业提升项目', '蔬菜大棚建设项目', '光伏电站运维项目', '"一村一品"特色产业项目'],
    budget: [150_000, 2_500_000],
    bureau: '农业农村局',
    asset: true
  },
  {
    type: '就业',
    weight: 10,
    names: ['就业帮扶车间建设项目', '公益性岗位补贴项目'],
    budget: [50_000, 600_000],
    bureau: '人力资源和社会保障局',
    asset: false
  },
  {
    type: '基础设施',
    weight: 25,
    names: ['通组公路硬化项目', '村内道路建设项目', '水圳修复工程', '便民桥建设项目'],
    budget: [100_000, 3_000_000],
    bureau: '交通运输局',
    asset: true
  },
  {
    type: '公共服务',
    weight: 8,
    names: ['村级综合服务中心建设项目', '路灯安装项目'],
    budget: [80_000, 1_000_000],
    bureau: null,
    asset: true
  },
  {
    type: '教育',
    weight: 5,
    names: ['雨露计划助学补助项目', '教学点改造项目'],
    budget: [30_000, 500_000],
    bureau: '教育局',
    asset: false
  },
  {
    type: '健康',
    weight: 4,
    names: ['村卫生室标准化建设项目'],
    budget: [50_000, 600_000],
    bureau: '卫生健康委员会',
    asset: true
  },
  {
    type: '住房',
    weight: 5,
    names: ['危旧土坯房改造项目', '农房风貌提升项目'],
    budget: [60_000, 1_200_000],
    bureau: '住房和城乡建设局',
    asset: true
  },
  {
    type: '饮水',
    weight: 5,
    names: ['安全饮水巩固提升工程', '集中供水管网延伸工程'],
    budget: [80_000, 1_500_000],
    bureau: '水利局',
    asset: true
  },
  {
    type: '其他',
    weight: 3,
    names: ['人居环境整治项目', '村庄亮化项目'],
    budget: [30_000, 400_000],
    bureau: null,
    asset: true
  }
];

/**
 * Returns the short name of a place as project names use it:
 * 上魏村村委会 → 上魏村, 红旗村委会 → 红旗村, 城南居委会 → 城南社区; other names as they are.
 */
export function placeName(name: string): string {
  if (/(村民委员会|村委会)$/.test(name)) return name.replace(/村?(村民委员会|村委会)$/, '村');
  if (/(居民委员会|居委会)$/.test(name)) return name.replace(/(社区)?(居民委员会|居委会)$/, '社区');
  return name;
}
