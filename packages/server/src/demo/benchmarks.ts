import { replaceFigures, setModel } from '../modules/benchmarks/index.js';
import { demoUnitIds } from './district.js';
import type { DemoSeeder } from './index.js';

/**
 * 对标: 城阳区's figures against 博罗县 and 龙海区 (全国百强县/区 第100名) and 蔡甸区 (第10名 of the 23 一类县市区), from
 * seed 001's X区 speech: 589.23 亿元 GDP in 2023 (571.33 in 2022), 70.24 % of 博罗县 and 93.10 % of 龙海区, rank 19
 * against 蔡甸区's 10 with 119.53 亿元 less. The other four indicators are illustrative (source says so).
 */
const ILLUSTRATIVE = '演示数据（示意）';
type Row = [
  indicator: string,
  measure: string,
  subject: string,
  value: string,
  previous: string | null,
  asOf: string,
  source: string,
  caliber: string,
  lower?: boolean,
];
const ROWS: Row[] = [
  [
    '地区生产总值',
    '亿元',
    '本区',
    '589.23',
    '571.33',
    '2023-12-31',
    '区委全会讲话（2023年）',
    '不含临空经济区（含临空共701.11亿元）',
  ],
  ['地区生产总值', '亿元', '博罗县', '838.88', null, '2023-12-31', '按本区占博罗县70.24%推算', '全国百强县第100名'],
  ['地区生产总值', '亿元', '龙海区', '632.90', null, '2023-12-31', '按本区占龙海区93.10%推算', '全国百强区第100名'],
  [
    '地区生产总值',
    '亿元',
    '蔡甸区',
    '451.80',
    null,
    '2022-12-31',
    '按2022年本区高出119.53亿元推算',
    '23个一类县（市、区）第10名',
  ],
  [
    '县域经济综合排名',
    '名',
    '本区',
    '19',
    '19',
    '2022-12-31',
    '区委全会讲话（2022年排名）',
    '23个一类县（市、区）',
    true,
  ],
  [
    '县域经济综合排名',
    '名',
    '蔡甸区',
    '10',
    null,
    '2022-12-31',
    '区委全会讲话（2022年排名）',
    '23个一类县（市、区）',
    true,
  ],
  ['一般公共预算收入', '亿元', '本区', '46.8', '44.1', '2023-12-31', ILLUSTRATIVE, '区级口径'],
  ['一般公共预算收入', '亿元', '博罗县', '61.5', '60.2', '2023-12-31', ILLUSTRATIVE, '县级口径'],
  ['一般公共预算收入', '亿元', '龙海区', '50.3', '49.6', '2023-12-31', ILLUSTRATIVE, '区级口径'],
  ['固定资产投资', '亿元', '本区', '312.6', '298.0', '2023-12-31', ILLUSTRATIVE, '500万元以上项目'],
  ['固定资产投资', '亿元', '博罗县', '405.2', '410.0', '2023-12-31', ILLUSTRATIVE, '500万元以上项目'],
  ['固定资产投资', '亿元', '蔡甸区', '298.4', '301.2', '2023-12-31', ILLUSTRATIVE, '500万元以上项目'],
  ['规上工业增加值', '亿元', '本区', '198.7', '186.5', '2023-12-31', ILLUSTRATIVE, '规模以上工业'],
  ['规上工业增加值', '亿元', '龙海区', '231.4', '220.0', '2023-12-31', ILLUSTRATIVE, '规模以上工业'],
  ['规上工业增加值', '亿元', '蔡甸区', '176.9', '170.3', '2023-12-31', ILLUSTRATIVE, '规模以上工业'],
  ['社会消费品零售总额', '亿元', '本区', '268.4', '255.9', '2023-12-31', ILLUSTRATIVE, '限额以上及以下合计'],
  ['社会消费品零售总额', '亿元', '博罗县', '301.7', '290.3', '2023-12-31', ILLUSTRATIVE, '限额以上及以下合计'],
  ['社会消费品零售总额', '亿元', '龙海区', '262.0', '255.1', '2023-12-31', ILLUSTRATIVE, '限额以上及以下合计'],
];

/**
 * Units against peer units, as X区's office puts it, "近学武昌，远学昆山": 区发改局 and 区商务局 against their
 * counterparts in 武昌区 and 昆山市. Illustrative figures.
 */
const UNIT_ROWS: [unit: string, ...Row][] = [
  ['fgj', '重点项目完成投资', '亿元', '本单位', '126.4', '112.0', '2023-12-31', ILLUSTRATIVE, '区级重点项目'],
  ['fgj', '重点项目完成投资', '亿元', '武昌区发改局', '168.0', '160.5', '2023-12-31', ILLUSTRATIVE, '区级重点项目'],
  ['fgj', '重点项目完成投资', '亿元', '昆山市发改委', '402.3', '388.0', '2023-12-31', ILLUSTRATIVE, '市级重点项目'],
  ['swj', '实际使用外资', '亿美元', '本单位', '3.1', '2.6', '2023-12-31', ILLUSTRATIVE, '商务部口径'],
  ['swj', '实际使用外资', '亿美元', '武昌区商务局', '4.2', '3.9', '2023-12-31', ILLUSTRATIVE, '商务部口径'],
  ['swj', '实际使用外资', '亿美元', '昆山市商务局', '11.6', '11.1', '2023-12-31', ILLUSTRATIVE, '商务部口径'],
  ['swj', '外贸进出口总额', '亿元', '本单位', '512.0', '488.3', '2023-12-31', ILLUSTRATIVE, '海关口径'],
  ['swj', '外贸进出口总额', '亿元', '武昌区商务局', '455.7', '440.2', '2023-12-31', ILLUSTRATIVE, '海关口径'],
  ['swj', '外贸进出口总额', '亿元', '昆山市商务局', '2345.0', '2310.8', '2023-12-31', ILLUSTRATIVE, '海关口径'],
];
/** 学赶对象: the region's, and each unit's. */
const MODELS: [unit: string | null, subject: string][] = [
  [null, '龙海区'],
  ['fgj', '武昌区发改局'],
  ['swj', '昆山市商务局'],
];

export const benchmarksSeeder: DemoSeeder = {
  name: '对标 peers and figures',
  async seed(tx, ctx) {
    const ids = await demoUnitIds(tx);
    const office = ids.get('chengyang')!;
    const rows: [string | null, ...Row][] = [...ROWS.map((r): [null, ...Row] => [null, ...r]), ...UNIT_ROWS];
    await replaceFigures(
      tx,
      office,
      rows.map(([unit, indicator, measure, subject, value, previous, asOf, source, caliber, lower]) => ({
        officeUnitId: office,
        unitId: unit === null ? null : ids.get(unit)!,
        indicator,
        measure,
        subject,
        isOurs: subject === '本区' || subject === '本单位',
        value,
        previous,
        asOf,
        source,
        caliber,
        lowerIsBetter: lower ?? false,
      })),
    );
    for (const [unit, subject] of MODELS)
      await setModel(tx, {
        officeUnitId: office,
        unitId: unit === null ? null : ids.get(unit)!,
        subject,
        chosenBy: null,
      });
    ctx.log(
      `demo benchmarks: 3 peers on 6 indicators, 2 units against 武昌区 and 昆山市 (${rows.length} figures), 3 学赶对象`,
    );
  },
};
