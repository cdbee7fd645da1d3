/**
 * The lexicon of Chinese government bodies, in one place: the parser validates and splits responsibility
 * brackets with it, and search derives its department aliases from it. Data only.
 *
 * - CENTRAL_BODIES: State Council ministries, commissions and agencies, central party organs, mass
 *   organisations and other national bodies, each with the short forms documents use
 *   (国家发展和改革委员会 = 国家发展改革委 = 发展改革委 = 发改委).
 * - FUNCTION_STEMS: what a body does, as provincial, municipal and county bodies spell it between the area
 *   (省/市/区/县 or a place name) and the kind (厅/局/委/办…): 省人力资源社会保障厅, 市人社局, 区市场监管局.
 *   Each group lists interchangeable spellings, the first being the usual written one.
 * - LOCAL_KINDS: the endings that say which kind of body it is.
 * - PARTY_ORGANS / MASS_ORGANISATIONS: bodies named after a party committee (市委组织部, 团市委) or a mass
 *   organisation (省总工会, 市妇联) at any level.
 */

export interface CentralBody {
  /** The full official name. */
  name: string;
  /** Short forms as documents and people write them. */
  aliases: readonly string[];
}

export const CENTRAL_BODIES: readonly CentralBody[] = [
  // State Council constituent departments.
  { name: '外交部', aliases: [] },
  { name: '国防部', aliases: [] },
  { name: '国家发展和改革委员会', aliases: ['国家发展改革委', '发展改革委', '国家发改委', '发改委'] },
  { name: '教育部', aliases: [] },
  { name: '科学技术部', aliases: ['科技部'] },
  { name: '工业和信息化部', aliases: ['工信部'] },
  { name: '国家民族事务委员会', aliases: ['国家民委', '民委'] },
  { name: '公安部', aliases: [] },
  { name: '国家安全部', aliases: ['安全部'] },
  { name: '民政部', aliases: [] },
  { name: '司法部', aliases: [] },
  { name: '财政部', aliases: [] },
  { name: '人力资源和社会保障部', aliases: ['人力资源社会保障部', '人社部'] },
  { name: '自然资源部', aliases: [] },
  { name: '生态环境部', aliases: ['环境保护部', '环保部'] },
  { name: '住房和城乡建设部', aliases: ['住房城乡建设部', '住建部'] },
  { name: '交通运输部', aliases: ['交通部'] },
  { name: '水利部', aliases: [] },
  { name: '农业农村部', aliases: ['农业部'] },
  { name: '商务部', aliases: [] },
  { name: '文化和旅游部', aliases: ['文化旅游部', '文旅部', '文化部'] },
  { name: '国家卫生健康委员会', aliases: ['国家卫生健康委', '卫生健康委', '国家卫健委', '卫健委', '国家卫生计生委', '卫生计生委'] },
  { name: '退役军人事务部', aliases: [] },
  { name: '应急管理部', aliases: [] },
  { name: '中国人民银行', aliases: ['人民银行', '人行', '央行'] },
  { name: '审计署', aliases: [] },
  // Directly under the State Council, and former names still found in force documents.
  { name: '国务院国有资产监督管理委员会', aliases: ['国务院国资委', '国资委'] },
  { name: '海关总署', aliases: [] },
  { name: '国家税务总局', aliases: ['税务总局'] },
  { name: '国家市场监督管理总局', aliases: ['市场监管总局', '国家市场监管总局'] },
  { name: '国家金融监督管理总局', aliases: ['金融监管总局'] },
  { name: '中国银行保险监督管理委员会', aliases: ['中国银保监会', '银保监会'] },
  { name: '中国银行业监督管理委员会', aliases: ['中国银监会', '银监会'] },
  { name: '中国保险监督管理委员会', aliases: ['中国保监会', '保监会'] },
  { name: '中国证券监督管理委员会', aliases: ['中国证监会', '证监会'] },
  { name: '国家广播电视总局', aliases: ['广电总局'] },
  { name: '国家体育总局', aliases: ['体育总局'] },
  { name: '国家统计局', aliases: ['统计局'] },
  { name: '国家知识产权局', aliases: ['知识产权局'] },
  { name: '国家国际发展合作署', aliases: ['国际发展合作署'] },
  { name: '国家医疗保障局', aliases: ['国家医保局', '医保局'] },
  { name: '国家机关事务管理局', aliases: ['国管局'] },
  { name: '国家信访局', aliases: ['信访局'] },
  { name: '国家粮食和物资储备局', aliases: ['粮食和储备局', '国家粮食和储备局'] },
  { name: '国家能源局', aliases: ['能源局'] },
  { name: '国家国防科技工业局', aliases: ['国防科工局'] },
  { name: '国家烟草专卖局', aliases: ['烟草局'] },
  { name: '国家移民管理局', aliases: ['移民局'] },
  { name: '国家林业和草原局', aliases: ['林草局', '国家林草局', '林业局'] },
  { name: '国家铁路局', aliases: ['铁路局'] },
  { name: '中国民用航空局', aliases: ['民航局'] },
  { name: '国家邮政局', aliases: ['邮政局'] },
  { name: '国家文物局', aliases: ['文物局'] },
  { name: '国家中医药管理局', aliases: ['中医药局', '国家中医药局'] },
  { name: '国家疾病预防控制局', aliases: ['国家疾控局', '疾控局'] },
  { name: '国家矿山安全监察局', aliases: ['矿山安监局'] },
  { name: '国家消防救援局', aliases: ['消防救援局'] },
  { name: '国家外汇管理局', aliases: ['外汇局'] },
  { name: '国家药品监督管理局', aliases: ['国家药监局', '药监局'] },
  { name: '国家数据局', aliases: ['数据局'] },
  { name: '国家乡村振兴局', aliases: ['乡村振兴局'] },
  { name: '国家新闻出版署', aliases: ['新闻出版署'] },
  { name: '国家版权局', aliases: ['版权局'] },
  { name: '国家宗教事务局', aliases: ['宗教局'] },
  { name: '国家档案局', aliases: ['档案局'] },
  { name: '国家保密局', aliases: ['保密局'] },
  { name: '国家密码管理局', aliases: ['密码局'] },
  { name: '国家航天局', aliases: [] },
  { name: '国家原子能机构', aliases: [] },
  { name: '国家核安全局', aliases: ['核安全局'] },
  { name: '国家公务员局', aliases: [] },
  { name: '国家标准化管理委员会', aliases: ['国家标准委', '标准委'] },
  { name: '国家认证认可监督管理委员会', aliases: ['国家认监委', '认监委'] },
  { name: '中国气象局', aliases: ['气象局'] },
  { name: '中国地震局', aliases: ['地震局', '国家地震局'] },
  { name: '国务院港澳事务办公室', aliases: ['国务院港澳办', '港澳办'] },
  { name: '国务院台湾事务办公室', aliases: ['国务院台办', '国台办'] },
  { name: '国务院新闻办公室', aliases: ['国务院新闻办', '国新办'] },
  { name: '国务院研究室', aliases: [] },
  { name: '国务院发展研究中心', aliases: [] },
  { name: '国务院扶贫开发领导小组办公室', aliases: ['国务院扶贫办', '扶贫办'] },
  { name: '国务院妇女儿童工作委员会办公室', aliases: ['国务院妇儿工委办公室', '妇儿工委办'] },
  { name: '全国老龄工作委员会办公室', aliases: ['全国老龄办', '老龄办'] },
  { name: '国家互联网信息办公室', aliases: ['国家网信办', '中央网信办', '网信办'] },
  { name: '国家安全生产监督管理总局', aliases: ['安全监管总局'] },
  { name: '国家质量监督检验检疫总局', aliases: ['质检总局'] },
  { name: '国家工商行政管理总局', aliases: ['工商总局'] },
  { name: '国家食品药品监督管理总局', aliases: ['食品药品监管总局'] },
  { name: '国家旅游局', aliases: ['旅游局'] },
  { name: '中国科学院', aliases: ['中科院'] },
  { name: '中国社会科学院', aliases: ['社科院'] },
  { name: '中国工程院', aliases: [] },
  { name: '中央广播电视总台', aliases: [] },
  { name: '新华通讯社', aliases: ['新华社'] },
  { name: '最高人民法院', aliases: ['最高法'] },
  { name: '最高人民检察院', aliases: ['最高检'] },
  { name: '全国社会保障基金理事会', aliases: ['社保基金会'] },
  // Central party organs.
  { name: '中央组织部', aliases: ['中组部'] },
  { name: '中央宣传部', aliases: ['中宣部'] },
  { name: '中央统战部', aliases: ['统战部'] },
  { name: '中央政法委', aliases: [] },
  { name: '中央编办', aliases: ['编办'] },
  { name: '中央纪委国家监委', aliases: ['中央纪委'] },
  { name: '中央文明办', aliases: ['文明办'] },
  { name: '中央农办', aliases: [] },
  { name: '中央财办', aliases: [] },
  { name: '中央外办', aliases: [] },
  { name: '中央军委国防动员部', aliases: ['国防动员部'] },
  // Mass organisations.
  { name: '中华全国总工会', aliases: ['全国总工会'] },
  { name: '中国共产主义青年团中央委员会', aliases: ['共青团中央', '团中央'] },
  { name: '中华全国妇女联合会', aliases: ['全国妇联'] },
  { name: '中国科学技术协会', aliases: ['中国科协'] },
  { name: '中华全国工商业联合会', aliases: ['全国工商联'] },
  { name: '中国残疾人联合会', aliases: ['中国残联'] },
  { name: '中华全国归国华侨联合会', aliases: ['中国侨联'] },
  { name: '中国文学艺术界联合会', aliases: ['中国文联'] },
  { name: '中国作家协会', aliases: ['中国作协'] },
  { name: '中国红十字会总会', aliases: [] },
  { name: '中华全国供销合作总社', aliases: ['供销合作总社', '全国供销合作总社', '供销总社'] },
  { name: '中国国际贸易促进委员会', aliases: ['中国贸促会', '贸促会'] },
  { name: '中国计划生育协会', aliases: ['中国计生协'] },
  { name: '中国关心下一代工作委员会', aliases: ['中国关工委'] },
  // National enterprises and policy banks that bracket lists name.
  { name: '中国国家铁路集团有限公司', aliases: ['国铁集团', '中国铁路总公司'] },
  { name: '国家开发银行', aliases: ['国开行'] },
  { name: '中国进出口银行', aliases: ['进出口银行'] },
  { name: '中国农业发展银行', aliases: ['农业发展银行', '农发行'] },
  { name: '国家电网有限公司', aliases: ['国家电网公司', '国家电网'] },
  { name: '中国南方电网有限责任公司', aliases: ['南方电网公司', '南方电网'] },
  { name: '中国邮政集团有限公司', aliases: ['中国邮政集团公司', '中国邮政'] },
  { name: '中国出口信用保险公司', aliases: ['中国信保'] },
];

/**
 * Functions of provincial, municipal and county bodies, each group interchangeable spellings (the first is the
 * usual written form). 人社 ≈ 人力资源社会保障; 发改 ≈ 发展改革.
 */
export const FUNCTION_STEMS: readonly (readonly string[])[] = [
  ['发展改革', '发展和改革', '发改'],
  ['人力资源社会保障', '人力资源和社会保障', '人社', '人力社保'],
  ['工业和信息化', '工业信息化', '工信'],
  ['经济和信息化', '经济信息化', '经信'],
  ['网信', '网络安全和信息化', '互联网信息'],
  ['市场监管', '市场监督管理'],
  ['住房城乡建设', '住房和城乡建设', '住建', '城乡建设'],
  ['卫生健康', '卫生和健康', '卫健', '卫生计生'],
  ['文化和旅游', '文化旅游', '文旅', '文化广电旅游', '文化旅游广电', '文化广电和旅游', '文广旅'],
  ['教育', '教委'],
  ['医疗保障', '医保'],
  ['药品监督管理', '药品监管', '药监'],
  ['通信管理', '通管'],
  ['人民银行', '人行', '央行'],
  ['银行保险监督管理', '银保监督管理', '银保监'],
  ['金融监督管理', '金融监管'],
  ['地方金融监督管理', '地方金融监管', '金融工作', '金融'],
  ['国有资产监督管理', '国资'],
  ['政务服务', '政务服务管理', '政务服务和大数据', '政务服务数据管理', '政务'],
  ['行政审批', '行政审批服务'],
  ['规划和自然资源', '自然资源和规划', '规划资源', '规划'],
  ['自然资源', '国土资源', '国土'],
  ['农业农村', '农业', '农委'],
  ['商务', '商委', '商务和投资促进'],
  ['交通运输', '交通', '交委'],
  ['应急管理', '应急'],
  ['广播电视', '广电', '新闻出版广电'],
  ['生态环境', '环境保护', '环保'],
  ['外汇管理', '外汇'],
  ['科技', '科学技术'],
  ['公安', '公安交管', '交警'],
  ['民政'],
  ['司法'],
  ['财政'],
  ['水利', '水务'],
  ['林业', '林业和草原', '林草'],
  ['退役军人事务', '退役军人'],
  ['审计'],
  ['统计'],
  ['体育'],
  ['税务'],
  ['海关'],
  ['邮政管理', '邮政'],
  ['气象'],
  ['知识产权'],
  ['大数据', '大数据发展', '数据', '数据资源'],
  ['城市管理', '城管', '城市管理综合执法', '城管执法', '城市管理行政执法'],
  ['机关事务管理', '机关事务'],
  ['信访'],
  ['粮食和物资储备', '粮食和储备', '粮食'],
  ['能源'],
  ['外事', '外事办公室'],
  ['侨务', '外事侨务'],
  ['口岸', '口岸物流', '口岸办'],
  ['乡村振兴', '扶贫'],
  ['人民防空', '人防'],
  ['民族宗教', '民族宗教事务', '民宗'],
  ['住房保障', '住房保障和房产管理', '房产管理', '房管'],
  ['文物'],
  ['中医药'],
  ['移民'],
  ['投资促进', '投促'],
  ['经济合作', '经合'],
  ['新闻出版', '版权'],
  ['档案'],
  ['医疗保险'],
  ['疾病预防控制', '疾控'],
  ['消防救援', '消防'],
  ['供销合作', '供销'],
  ['营商环境建设', '营商环境'],
  ['科学技术协会', '科协'],
];

/** Kinds of local body, longest first: what follows the function stem. */
export const LOCAL_KINDS: readonly string[] = [
  '委员会办公室', '管理委员会', '领导小组办公室', '委员会', '办公室', '管理局', '监督管理局', '服务中心', '中心', '总队',
  '支队', '厅', '局', '委', '办', '署', '院', '处',
];

/** Areas in front of a local body's name: 省, 市, 区, 县, 自治区, 州 … or a place name that ends in one. */
export const AREA_WORDS: readonly string[] = ['省', '市', '区', '县', '自治区', '自治州', '自治县', '州', '盟', '旗', '镇', '乡', '街道'];

/** Party committee organs below the centre: 市委组织部, 区委宣传部, 省委网信办, 县纪委监委. */
export const PARTY_ORGANS: readonly string[] = [
  '组织部', '宣传部', '统战部', '政法委', '编办', '机构编制委员会办公室', '网信办', '政研室', '改革办', '深改办', '农办', '外办',
  '台办', '机要局', '保密办', '老干部局', '直属机关工委', '直属机关工作委员会', '党校', '办公厅', '办公室', '社会工作部',
  '军民融合办', '财经办', '金融办', '文明办', '督查室', '政策研究室', '教育工委', '两新工委', '国安办', '防范办',
];

/** The committee that owns a party organ: 中央, 省委, 市委, 区委, 县委, 州委, 工委. */
export const PARTY_COMMITTEES: readonly string[] = ['省委', '市委', '区委', '县委', '州委', '自治区党委', '盟委', '旗委', '党委', '工委'];

/** Mass organisations at any level: 省总工会, 市妇联, 团市委, 区残联, 县红十字会. */
export const MASS_ORGANISATIONS: readonly string[] = [
  '总工会', '工会', '妇联', '妇女联合会', '科协', '工商联', '残联', '侨联', '文联', '社科联', '作协', '红十字会', '供销合作社',
  '供销社', '供销合作联社', '贸促会', '台联', '记协', '计生协', '关工委', '慈善总会', '团委',
];

/** Youth league committees written 团 + committee: 团市委, 团省委, 团区委, 团县委. */
export const YOUTH_LEAGUE = /^(?:共青团|团)(?:[\u4e00-\u9fff]{0,6}?)(?:省委|市委|区委|县委|州委|中央)$/;

/**
 * Collectives: every government or department of a kind, named as a group. 各省级人民政府,
 * 各市（州）、县（市、区）人民政府, 各区县（自治县）政府, 各有关部门和单位, 市级各有关部门, 各县市区政府.
 */
export const COLLECTIVE =
  /^(?:(?:省|市|区|县|省级|市级|区级|县级)(?:直)?)?各(?:(?!各|及|与|会同)[\u4e00-\u9fff、]){0,12}?(?:区|县|市|州|旗|盟|区县|市州|地市|单位|部门|机构|人民政府|政府|管委会|委|办|局|街道办事处|办事处|乡镇)$/;

/** Collectives named after their owner: 国务院有关部门, 省政府各部门, 各地区各部门, 中央和国家机关有关部门. */
export const OWNED_COLLECTIVE =
  /^(?:各地区各部门|各地区各有关部门|(?:国务院|省政府|市政府|区政府|县政府|省委|市委|中央和国家机关|中央)(?:各)?(?:有关|相关|直属)?(?:部门|单位|机构|部委)(?:和单位)?)$/;
