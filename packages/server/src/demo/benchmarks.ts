import { replaceFigures } from '../modules/benchmarks/index.js';
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

export const benchmarksSeeder: DemoSeeder = {
  name: '对标 peers and figures',
  async seed(tx, ctx) {
    const office = (await demoUnitIds(tx)).get('chengyang')!;
    await replaceFigures(
      tx,
      office,
      ROWS.map(([indicator, measure, subject, value, previous, asOf, source, caliber, lower]) => ({
        officeUnitId: office,
        indicator,
        measure,
        subject,
        isOurs: subject === '本区',
        value,
        previous,
        asOf,
        source,
        caliber,
        lowerIsBetter: lower ?? false,
      })),
    );
    ctx.log(`demo benchmarks: 3 peers on 6 indicators (${ROWS.length} figures)`);
  },
};
