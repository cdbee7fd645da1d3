/**
 * Personal names in bylines (赵国庆, 黄茂钦 龚婷婷) and interview speakers (黄潇：). A name is 2–3 Han characters
 * starting with a common surname (4 with a compound surname); this keeps headings like 智库视点 or 编者按 out.
 */
const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳谌奚皮粟冼蔺楼闻厉伊仝郜阚权帅屠朴练廉禹井祖漆巴丰卿狄计索宣晋扈晁芮阙浦戈伏鹿薄邸雍辜羊裘亓修邰赫杭况宿逯隆茹诸慕危亢嵇湛宾戎勾茅揭尉冶束檀昝幸衡尧',
]);
const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '西门',
  '南宫',
  '独孤',
];
const NOT_NAMES = new Set(['主持人', '记者', '编者', '编辑', '作者', '嘉宾', '专家', '评论员', '通讯员']);

function isPersonalName(s: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(s) || NOT_NAMES.has(s)) return false;
  if (COMPOUND_SURNAMES.some((c) => s.startsWith(c))) return s.length >= 3;
  return s.length <= 3 && SURNAMES.has(s[0]!);
}

/** A byline: one to four names and nothing else (黄茂钦 龚婷婷), or 作者：…. Returns the names, or null. */
export function bylineNames(paragraph: string): string[] | null {
  const p = paragraph.trim().replace(/^(作者|文)\s*[:：|丨]\s*/, '');
  const tokens = p.split(/[\s、,，]+/).filter((t) => t !== '');
  if (tokens.length === 0 || tokens.length > 4) return null;
  return tokens.every(isPersonalName) ? tokens : null;
}

/** 黄潇：一是… → 黄潇. */
export function speakerName(paragraph: string): string | null {
  const m = /^([\u4e00-\u9fff]{2,4})\s*[:：]/.exec(paragraph.trim());
  return m && isPersonalName(m[1]!) ? m[1]! : null;
}
