import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { warmSegmenter } from '../../src/search/jieba-segmenter.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { testDb } from '../helpers/db.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

beforeAll(() => warmSegmenter(testSegmenter), 60_000);

const NANJING = `南京市人民政府办公厅关于印发南京市冷链物流发展实施方案的通知

宁政办发〔2024〕5号

一、完善冷链物流设施
建设冷链物流园区，到2025年底冷库容量达到100万吨。（市商务局牵头，市发展改革委配合）

二、发展冷链运输
推广新能源冷藏车。（市交通运输局牵头）
`;

const WUHOU = `成都市武侯区推进消费新场景建设实施方案

一、打造冷链消费新场景
建设社区冷链配送站点。（区商务局牵头）

二、打造夜间消费新场景
建设夜间消费街区。（区商务局牵头）
`;

let db: Db;

beforeEach(async () => {
  db = testDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-regions-'));
  for (const [name, text] of [
    ['nanjing.txt', NANJING],
    ['wuhou.txt', WUHOU],
  ])
    fs.writeFileSync(path.join(dir, name!), text!);
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter }, [
    dir,
  ]);
});

const regions = (region: string) =>
  searchMeasures(db, { query: '冷链', filters: { region }, today: '2026-11-22', limit: 20 }, testSegmenter).hits.map(
    (h) => h.region,
  );

describe('regions at their own level', () => {
  it('a filter matches the city, its province or the district, and results are labelled with the own level', () => {
    expect(new Set(regions('南京'))).toEqual(new Set(['南京市']));
    expect(new Set(regions('南京市'))).toEqual(new Set(['南京市']));
    expect(new Set(regions('江苏'))).toEqual(new Set(['南京市']));
    expect(new Set(regions('四川省'))).toEqual(new Set(['成都市武侯区']));
    expect(new Set(regions('成都'))).toEqual(new Set(['成都市武侯区']));
    expect(new Set(regions('武侯区'))).toEqual(new Set(['成都市武侯区']));
    expect(regions('浙江')).toEqual([]);
  });

  it('stores the region with its parents', () => {
    const rows = db.prepare('SELECT region, region_path AS path FROM documents ORDER BY region').all();
    expect(rows).toEqual(
      expect.arrayContaining([
        { region: '南京市', path: '江苏省/南京市' },
        { region: '成都市武侯区', path: '四川省/成都市/武侯区' },
      ]),
    );
  });
});

describe('traditional characters', () => {
  it('fold to simplified on both sides: 冷鏈 finds 冷链, and a traditional text is found by simplified words', async () => {
    const found = (query: string) =>
      searchMeasures(db, { query, today: '2026-11-22', limit: 20 }, testSegmenter).hits.map((h) => h.region);
    expect(found('冷鏈')).toEqual(found('冷链'));
    expect(found('冷鏈').length).toBeGreaterThan(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-trad-'));
    fs.writeFileSync(
      path.join(dir, 'tw.txt'),
      '臺北市促進夜間經濟發展方案\n\n一、發展夜間經濟\n建設夜間消費街區。（市商業處牽頭）\n\n二、完善冷鏈物流\n建設冷鏈配送中心。（市商業處牽頭）\n',
    );
    await ingestPaths(
      { db, logger: silentLogger, clock: fixedClock('2026-11-22T00:00:00Z'), segmenter: testSegmenter },
      [dir],
    );
    const hit = searchMeasures(db, { query: '夜间经济', today: '2026-11-22' }, testSegmenter).hits[0];
    expect(hit?.title).toBe('發展夜間經濟');
    expect(hit?.snippet.filter((p) => p.hit).map((p) => p.text)).toContain('夜間經濟');
  });
});
