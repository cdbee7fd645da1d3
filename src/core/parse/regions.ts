import { cityIn, districtAfter } from './cities.ts';

/** The 34 provincial-level divisions: full name, short name(s) used in titles, and document-number abbreviations. */
interface Province {
  name: string;
  short: string[];
  abbr: string[];
}

const PROVINCES: Province[] = [
  { name: '北京市', short: ['北京'], abbr: ['京'] },
  { name: '天津市', short: ['天津'], abbr: ['津'] },
  { name: '河北省', short: ['河北'], abbr: ['冀'] },
  { name: '山西省', short: ['山西'], abbr: ['晋'] },
  { name: '内蒙古自治区', short: ['内蒙古'], abbr: ['内蒙古', '蒙'] },
  { name: '辽宁省', short: ['辽宁'], abbr: ['辽'] },
  { name: '吉林省', short: ['吉林'], abbr: ['吉'] },
  { name: '黑龙江省', short: ['黑龙江'], abbr: ['黑'] },
  { name: '上海市', short: ['上海'], abbr: ['沪'] },
  { name: '江苏省', short: ['江苏'], abbr: ['苏'] },
  { name: '浙江省', short: ['浙江'], abbr: ['浙'] },
  { name: '安徽省', short: ['安徽'], abbr: ['皖'] },
  { name: '福建省', short: ['福建'], abbr: ['闽'] },
  { name: '江西省', short: ['江西'], abbr: ['赣'] },
  { name: '山东省', short: ['山东'], abbr: ['鲁'] },
  { name: '河南省', short: ['河南'], abbr: ['豫'] },
  { name: '湖北省', short: ['湖北'], abbr: ['鄂'] },
  { name: '湖南省', short: ['湖南'], abbr: ['湘'] },
  { name: '广东省', short: ['广东'], abbr: ['粤'] },
  { name: '广西壮族自治区', short: ['广西'], abbr: ['桂'] },
  { name: '海南省', short: ['海南'], abbr: ['琼'] },
  { name: '重庆市', short: ['重庆'], abbr: ['渝'] },
  { name: '四川省', short: ['四川'], abbr: ['川'] },
  { name: '贵州省', short: ['贵州'], abbr: ['黔'] },
  { name: '云南省', short: ['云南'], abbr: ['云'] },
  { name: '西藏自治区', short: ['西藏'], abbr: ['藏'] },
  { name: '陕西省', short: ['陕西'], abbr: ['陕'] },
  { name: '甘肃省', short: ['甘肃'], abbr: ['甘'] },
  { name: '青海省', short: ['青海'], abbr: ['青'] },
  { name: '宁夏回族自治区', short: ['宁夏'], abbr: ['宁'] },
  { name: '新疆维吾尔自治区', short: ['新疆'], abbr: ['新'] },
  { name: '台湾省', short: ['台湾'], abbr: ['台'] },
  { name: '香港特别行政区', short: ['香港'], abbr: ['港'] },
  { name: '澳门特别行政区', short: ['澳门'], abbr: ['澳'] },
];

const NATIONAL = '全国';

/** Bodies of the central government; a title or issuer naming one (and no province) is national. */
const NATIONAL_BODY =
  /国务院|中共中央|党中央|全国人大|国家[\u4e00-\u9fff]{0,8}(委|局|署|部|院|办)|国家发改委|国家发展改革委|^(财政|商务|工业和信息化|教育|科技|科学技术|公安|民政|司法|人力资源社会保障|人力资源和社会保障|自然资源|生态环境|住房城乡建设|住房和城乡建设|交通运输|水利|农业农村|文化和旅游|卫生健康|退役军人事务|应急管理|外交|国防)部|市场监管总局|海关总署|税务总局|人民银行(?!.{0,6}(分行|支行))/;

/** 湘政办发〔2021〕38号 → 湖南省: provincial document numbers start with the province's one-character abbreviation. */
function provinceFromDocNumber(docNumber: string): string | null {
  for (const p of PROVINCES) {
    for (const a of p.abbr) {
      if (docNumber.startsWith(a) && /^.{1,3}(政|府|办|发)/.test(docNumber)) return p.name;
    }
  }
  return null;
}

/** Municipalities: provincial-level cities whose districts sit directly under them. */
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

/** A place where the text names it: its own level and its parents, outermost first. */
interface Place {
  at: number;
  path: string[];
}

function earliest(a: Place | null, b: Place | null): Place | null {
  if (!a) return b;
  if (!b) return a;
  return b.at < a.at ? b : a;
}

/** The district (区, 县, 旗) named right after a city or municipality in the text, if any. */
function withDistrict(text: string, place: Place, cityName: string): Place {
  const district = districtAfter(text, place.at + cityName.length);
  return district ? { at: place.at, path: [...place.path, district] } : place;
}

/** Earliest province or city named in the text, down to a district written right after it. */
function placeIn(text: string): Place | null {
  let province: Place | null = null;
  for (const p of PROVINCES) {
    for (const key of [p.name, ...p.short]) {
      const at = text.indexOf(key);
      if (at >= 0 && (province === null || at < province.at)) {
        province = { at, path: [p.name] };
        if (MUNICIPALITIES.has(p.name) && text.startsWith(p.name, at)) province = withDistrict(text, province, p.name);
      }
    }
  }
  const city = cityIn(text);
  const cityPlace = city ? withDistrict(text, { at: city.at, path: [city.province, city.name] }, city.name) : null;
  // 江苏省南京市…: the city written right after its province is the more precise place.
  if (
    province &&
    cityPlace &&
    cityPlace.path[0] === province.path[0] &&
    cityPlace.at <= province.at + province.path[0]!.length
  ) {
    return cityPlace;
  }
  return earliest(province, cityPlace);
}

/**
 * Where a document applies: its own level (city, district) with its parents, outermost first —
 * `['江苏省', '南京市']`, `['四川省', '成都市', '武侯区']`, `['全国']` — or null when it cannot be told. The
 * place named first in the title wins (长沙市贯彻落实《湖南省…》 is Changsha's), then the issuer, then the
 * document number's province abbreviation, then the central bodies (全国).
 *
 * @example regionPathOf('南京市冷链物流发展实施方案', null, null) // ['江苏省', '南京市']
 */
export function regionPathOf(title: string, issuer: string | null, docNumber: string | null): string[] | null {
  const fromText = placeIn(title) ?? (issuer ? placeIn(issuer) : null);
  if (fromText) return fromText.path;
  if (docNumber) {
    const fromNumber = provinceFromDocNumber(docNumber);
    if (fromNumber) return [fromNumber];
    if (/^(国|中发|中办|发改|财|商|工信|人社|教|国办)/.test(docNumber)) return [NATIONAL];
  }
  if (NATIONAL_BODY.test(title) || (issuer !== null && NATIONAL_BODY.test(issuer))) return [NATIONAL];
  return null;
}

/**
 * The region a document is labelled with: its own level, a district with its city (成都市武侯区), or null.
 *
 * @example regionLabel(['江苏省', '南京市']) // '南京市'
 */
export function regionLabel(path: readonly string[] | null): string | null {
  if (!path || path.length === 0) return null;
  return path.length >= 2 && /[区县旗]$/.test(path.at(-1)!) ? path.slice(-2).join('') : path.at(-1)!;
}

export function regionOf(title: string, issuer: string | null, docNumber: string | null): string | null {
  return regionLabel(regionPathOf(title, issuer, docNumber));
}

/** The parsed document's region fields: its label and its path. */
export function placeOf(
  title: string,
  issuer: string | null,
  docNumber: string | null,
): { region: string | null; regionPath: string[] } {
  const path = regionPathOf(title, issuer, docNumber) ?? [];
  return { region: regionLabel(path), regionPath: path };
}
