import { describe, expect, it } from 'vitest';
import { provinceOfCity } from '../../../src/core/parse/cities.ts';
import { regionLabel, regionOf, regionPathOf } from '../../../src/core/parse/regions.ts';

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

describe('regionPathOf: the own level with its parents', () => {
  it.each([
    ['南京市冷链物流发展实施方案', null, ['江苏省', '南京市'], '南京市'],
    ['成都市武侯区推进消费新场景建设实施方案', null, ['四川省', '成都市', '武侯区'], '成都市武侯区'],
    ['江苏省南京市江宁区促进消费若干措施', null, ['江苏省', '南京市', '江宁区'], '南京市江宁区'],
    ['北京市朝阳区促进夜间经济发展的措施', null, ['北京市', '朝阳区'], '北京市朝阳区'],
    ['上海市浦东新区促进消费的实施意见', null, ['上海市', '浦东新区'], '上海市浦东新区'],
    ['湖南省人民政府办公厅关于加快培育新型消费的实施意见', null, ['湖南省'], '湖南省'],
    ['关于促进消费的若干措施', '南京市人民政府', ['江苏省', '南京市'], '南京市'],
  ] as const)('%s (%s) → %j', (title, issuer, path, label) => {
    expect(regionPathOf(title, issuer, null)).toEqual(path);
    expect(regionOf(title, issuer, null)).toBe(label);
  });

  it('takes the place named first: a city plan implementing a provincial one is the city’s', () => {
    expect(regionPathOf('长沙市贯彻落实《湖南省促进消费若干措施》的实施方案', null, null)).toEqual([
      '湖南省',
      '长沙市',
    ]);
    expect(regionOf('南昌市促进直播电商高质量发展若干措施', '南昌市人民政府办公室', null)).toBe('南昌市');
  });

  it('does not read parts of a city (老城区, 各区县, 园区) as districts', () => {
    expect(regionPathOf('南京市老城区更新改造方案', null, null)).toEqual(['江苏省', '南京市']);
    expect(regionPathOf('南京市各区县推进消费工作要点', null, null)).toEqual(['江苏省', '南京市']);
    expect(regionPathOf('南京市推动物流园区建设方案', null, null)).toEqual(['江苏省', '南京市']);
  });

  it('keeps the province and national fallbacks', () => {
    expect(regionPathOf('关于促进消费的实施意见', null, '渝府办发〔2022〕12号')).toEqual(['重庆市']);
    expect(regionPathOf('国家发展改革委关于加快培育新型消费的通知', null, null)).toEqual(['全国']);
    expect(regionPathOf('关于做好有关工作的通知', null, null)).toBeNull();
    expect(regionLabel(null)).toBeNull();
  });
});
