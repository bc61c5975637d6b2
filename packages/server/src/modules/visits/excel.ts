import {
  ENTERPRISE_SCALES,
  ENTERPRISE_SCALE_LABELS,
  creditCodeProblem,
  type EnterpriseScale,
  type IsoDate,
  type UnitFilter,
} from '@leitai/core';
import type { Db } from '../../db/client.js';
import { importInvalid, type ImportProblem } from '../../errors.js';
import { buildTemplate, byRow, exportSheet, readSheet } from '../../excel/index.js';
import { recordAudit, type AuditActor } from '../audit/index.js';
import * as users from '../users/index.js';
import { streetChoices } from './enterprises.js';
import {
  allEnterprises,
  assignmentsOf,
  existingCreditCodes,
  insertAssignments,
  insertEnterprises,
} from './repository.js';
import type { NewEnterprise } from './schema.js';

const SCALE_LABELS = ENTERPRISE_SCALES.map((s) => ENTERPRISE_SCALE_LABELS[s]);
const COLUMNS = [
  { header: '企业名称', required: true, width: 36 },
  { header: '统一社会信用代码', required: true, width: 24 },
  { header: '所属行业', width: 16 },
  { header: '企业规模', required: true, list: SCALE_LABELS },
  { header: '所属街道', width: 16 },
  { header: '地址', width: 36 },
  { header: '联系人' },
  { header: '联系电话' },
  { header: '包保干部账号', width: 16 },
  { header: '包保领导账号', width: 16 },
] as const;

export const enterpriseTemplate = () =>
  buildTemplate({
    sheetName: '企业库',
    columns: COLUMNS,
    examples: [
      [
        '青岛示例精密机械有限公司',
        '91350100M000100Y43',
        '装备制造',
        '规上',
        '流亭街道',
        '城阳区春阳路88号',
        '张经理',
        '13800000000',
        '',
        '',
      ],
    ],
    instructions: [
      '统一社会信用代码按 GB 32100-2015 校验第 18 位校验码，已在企业库中的代码不会重复导入。',
      '企业规模：规上、准规上、中小微、个体工商户。所属街道填街道全称。',
      '包保干部账号、包保领导账号填系统登录账号，可留空，以后再分配。',
    ],
  });

/** The register is the one large import: a district's 400,000 entities need more rows, memory and time than the default. */
const ENTERPRISE_PARSE_LIMITS = { maxRows: 500_000, maxMemoryMb: 3072, timeoutMs: 300_000 };

/**
 * Imports the register (and the assignments it names) whole or not at all: every bad cell is reported by
 * row and column. Rows go in in chunks, so a new district's 400,000 entities fit one upload.
 */
export async function importEnterprises(db: Db, who: AuditActor, buffer: Buffer, today: IsoDate) {
  const { rows, problems } = await readSheet(buffer, COLUMNS, ENTERPRISE_PARSE_LIMITS);
  const streets = new Map((await streetChoices(db)).map((s) => [s.name, s.id]));
  const accounts = await users.activeIdsByUsername(
    db,
    rows.flatMap((r) => [r.cells['包保干部账号'], r.cells['包保领导账号']].filter((x) => x !== '')),
  );
  const codes = rows.map((r) => r.cells['统一社会信用代码'].toUpperCase());
  const existing = await existingCreditCodes(db, codes);
  const seen = new Map<string, number>();
  const good: { row: number; e: NewEnterprise; cadre: number | null; leader: number | null }[] = [];
  const bad = (row: number, column: string, message: string) => problems.push({ row, column, message });
  for (const { row, cells } of rows) {
    const code = cells['统一社会信用代码'].toUpperCase();
    const codeProblem = code === '' ? null : creditCodeProblem(code);
    if (codeProblem) bad(row, '统一社会信用代码', codeProblem);
    else if (existing.has(code)) bad(row, '统一社会信用代码', '该代码已在企业库中');
    else if (seen.has(code)) bad(row, '统一社会信用代码', `与第 ${seen.get(code)} 行重复`);
    seen.set(code, row);
    const street = cells['所属街道'];
    if (street !== '' && !streets.has(street)) bad(row, '所属街道', `找不到街道“${street}”`);
    const person = (column: '包保干部账号' | '包保领导账号') => {
      const name = cells[column];
      if (name === '') return null;
      const id = accounts.get(name.toLowerCase());
      if (id === undefined) bad(row, column, `找不到启用的账号“${name}”`);
      return id ?? null;
    };
    const scale = ENTERPRISE_SCALES.find((s) => ENTERPRISE_SCALE_LABELS[s] === cells['企业规模']) as EnterpriseScale;
    const lengths: [string, string, number][] = [
      ['企业名称', cells['企业名称'], 100],
      ['地址', cells['地址'], 200],
      ['所属行业', cells['所属行业'], 50],
    ];
    for (const [column, value, max] of lengths) if (value.length > max) bad(row, column, `不能超过 ${max} 个字`);
    good.push({
      row,
      e: {
        name: cells['企业名称'],
        creditCode: code,
        industry: cells['所属行业'],
        scale,
        streetUnitId: street === '' ? null : (streets.get(street) ?? null),
        address: cells['地址'],
        contactName: cells['联系人'].slice(0, 50),
        contactPhone: cells['联系电话'].slice(0, 30),
      },
      cadre: person('包保干部账号'),
      leader: person('包保领导账号'),
    });
  }
  if (problems.length > 0) throw importInvalid(problems.sort(byRow).slice(0, 500) as ImportProblem[]);
  return db.transaction(async (tx) => {
    const ids = await insertEnterprises(
      tx,
      good.map((g) => g.e),
    );
    const assignments = good.flatMap((g, i) =>
      (
        [
          ['cadre', g.cadre],
          ['leader', g.leader],
        ] as const
      ).flatMap(([role, userId]) =>
        userId === null ? [] : [{ enterpriseId: ids[i]!, userId, role, startedOn: today, reason: 'Excel 导入' }],
      ),
    );
    await insertAssignments(tx, assignments);
    await recordAudit(tx, who, {
      action: 'enterprise.import',
      targetType: 'enterprise',
      after: { imported: ids.length, assignments: assignments.length, firstId: ids[0] ?? null },
    });
    return { imported: ids.length, assignments: assignments.length };
  });
}

/** The register as Excel, with who is assigned to each enterprise now. */
export async function exportEnterprises(db: Db, scope: UnitFilter): Promise<Buffer> {
  const rows = await allEnterprises(db, scope);
  const assigned = await assignmentsOf(
    db,
    rows.map((r) => r.id),
  );
  const byEnterprise = new Map<number, typeof assigned>();
  for (const a of assigned) byEnterprise.set(a.enterpriseId, [...(byEnterprise.get(a.enterpriseId) ?? []), a]);
  const names = (id: number, role: 'cadre' | 'leader') =>
    (byEnterprise.get(id) ?? [])
      .filter((a) => a.role === role)
      .map((a) => a.userName)
      .join('、');
  return exportSheet(
    '企业库',
    [
      { header: '企业名称', width: 36, value: (r) => r.name },
      { header: '统一社会信用代码', width: 24, value: (r) => r.creditCode },
      { header: '所属行业', value: (r) => r.industry },
      { header: '企业规模', value: (r) => ENTERPRISE_SCALE_LABELS[r.scale] },
      { header: '所属街道', value: (r) => r.streetName },
      { header: '地址', width: 36, value: (r) => r.address },
      { header: '联系人', value: (r) => r.contactName },
      { header: '联系电话', value: (r) => r.contactPhone },
      { header: '包保干部', width: 20, value: (r) => names(r.id, 'cadre') },
      { header: '包保领导', width: 20, value: (r) => names(r.id, 'leader') },
    ],
    rows,
  );
}
