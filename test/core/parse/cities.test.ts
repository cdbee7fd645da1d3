import { describe, expect, it } from 'vitest';
import { provinceOfCity } from '../../../src/core/parse/cities.ts';
import { regionOf } from '../../../src/core/parse/regions.ts';

describe('provinceOfCity', () => {
  it.each([
    ['长沙市加快发展夜间经济三年行动计划', '湖南省'],
    ['成都市武侯区人民政府办公室', '四川省'],
    ['延边朝鲜族自治州商务局', '吉林省'],
    ['黔西南州人民政府', '贵州省'],
    ['湘西州文化旅游广电局', '湖南省'],
  ])('%s → %s', (text, province) => expect(provinceOfCity(text)).toBe(province));

  it('needs the city suffix, so districts and streets with city-like names do not count', () => {
    expect(provinceOfCity('朝阳区商务局')).toBeNull();
    expect(provinceOfCity('中山路步行街改造方案')).toBeNull();
  });
});

describe('regionOf with cities', () => {
  it('prefers a province named in the title over a city', () => {
    expect(regionOf('长沙市贯彻落实《湖南省促进消费若干措施》的实施方案', null, null)).toBe('湖南省');
    expect(regionOf('南昌市促进直播电商高质量发展若干措施', '南昌市人民政府办公室', null)).toBe('江西省');
  });
});
