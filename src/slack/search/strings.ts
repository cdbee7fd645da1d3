import { defineStrings } from '../../lib/strings.ts';

type Status = 'in_force' | 'expired' | 'not_yet' | 'not_applicable';

/** Strings of `/measures` lookups: search results, detail view, help. */
export const searchStrings = defineStrings(
  {
    resultsHeader: (query: string) => `🔎 ${query}`,
    resultsCount: (total: number, from: number, to: number, atLeast = false) =>
      total === 0
        ? '没有找到匹配的举措。'
        : `${atLeast ? `超过 ${total.toLocaleString('en')}` : `共 ${total}`} 条举措，显示第 ${from}–${to} 条`,
    resultsTargetsDue: (n: number) => `其中 *${n}* 个目标在此期限内到期（周报按目标计数）`,
    noResultsHint: '试试更短的关键词、去掉筛选条件，或输入 `/measures help` 查看用法。',
    filtersLabel: '筛选',
    filterNames: { department: '部门', region: '地区', kind: '类型', due: '期限', inForce: '仅现行有效' },
    allMeasures: '全部举措',
    more: (n: number, atLeast = false) =>
      atLeast && n <= 0 ? '下一页' : `下一页（还有 ${atLeast ? `${n.toLocaleString('en')}+` : n} 条）`,
    previous: '上一页',
    nextDays: (n: number) => `未来 ${n} 天`,
    unsupportedSyntax: (ops: string) =>
      `不支持 ${ops} 这样的写法，已把其中的字词当作普通关键词搜索。可用：空格分隔（同时包含）、\`OR\`（任一）、\`-词\`（排除）、\`"词组"\`（整体匹配）。`,
    share: '分享到频道',
    details: '详情',
    departments: '责任部门',
    due: '期限',
    dueItem: (due: string, past: boolean) => (past ? `${due}（已过期）` : due),
    kinds: { measure: '举措', answer: '问答', proposal: '建议' },
    status: { in_force: '现行有效', expired: '已失效', not_yet: '尚未生效', not_applicable: '不适用' } satisfies Record<
      Status,
      string
    >,
    notFound: (id: string) =>
      `没有找到编号为 \`${id}\` 的举措或文件。编号形如 \`{id}\`（文件 \`{doc}\` 中的一条），可在搜索结果中看到。`,
    notInDocument: (id: string, doc: string, n: number, first: string, last: string) =>
      n === 1
        ? `文件 \`${doc}\` 中没有 \`${id}\`：它只有 1 条，编号 \`${first}\`。`
        : `文件 \`${doc}\` 中没有 \`${id}\`：它共有 ${n} 条，编号从 \`${first}\` 到 \`${last}\`。`,
    invalidId: (id: string) => `\`${id}\` 不是有效的编号。举措编号形如 \`{id}\`，文件编号形如 \`{doc}\`。`,
    badInput: (why: string) => `无法理解这个查询：${why}`,
    searchErrors: {
      too_long: '查询过长，请只用几个关键词。',
      empty: '请输入要搜索的关键词（如 冷链、5G基站），或给出筛选条件。',
      no_terms: '查询里没有可搜索的字词（只有标点或符号）。请换个关键词。',
      only_excluded: '查询里只有要排除的词（-词）。请再加一个要找的词，例如 `冷链 -进口`。',
      too_many_terms: '关键词太多，请只保留最重要的几个。',
      bad_date: '日期格式不对，请用 2023、2023-06 或 2023-06-30。',
      bad_kind: '类型只能是 举措、问答 或 建议。',
      bad_limit: '分页参数无效，请重新搜索。',
      bad_filter: '筛选条件过长，请用简短的名称，如 商务、天津。',
    } as Record<string, string>,
    badDue:
      '期限格式：`2023`、`2023-06`、`2023-06-30`、`next 90d`（未来 90 天）或 `overdue`。`/measures due` 的期限后还可接关键词和筛选，如 `due overdue 部门:商务`。',
    missingArg: (usage: string) => `缺少参数。用法：\`${usage}\``,
    // Detail view
    source: '来源文件',
    statusLabel: '时效性',
    documentId: '文件编号',
    docNumber: '文号',
    published: '发布日期',
    effective: '施行日期',
    expires: '有效期至',
    section: '所属部分',
    tasks: '任务分工',
    /** What a document's items hold, by kind: a Q&A answer and a commentary proposal are not the team's tasks. */
    tasksHeading: {
      measure: '任务分工',
      answer: '答复要点（引述，非本单位任务）',
      proposal: '建议要点（评论观点，非本单位任务）',
    },
    targets: '目标时限',
    noTargets: '无明确时限',
    asOf: (today: string) => `截至 ${today}`,
    overdue: '已过期',
    upcoming: (days: number) => `还有 ${days} 天`,
    dueToday: '今天到期',
    incompleteDepartments: '等部门',
    author: '作者',
    documentMeasures: (n: number) => `共 ${n} 条`,
    textTrimmed: '（全文过长，已截断）',
    // Help
    helpTitle: '/measures 用法',
    helpIntro: '查询政策文件中的举措、责任部门和目标时限。结果只有你能看到，可点“分享到频道”公开。',
    helpSearch: '`/measures 冷链物流` — 关键词搜索（空格：同时包含；`OR`：任一；`-词`：排除；`"词组"`：整体匹配）',
    helpFilters:
      '`/measures 便利店 部门:商务 地区:天津 年:2021` — 带筛选（也可写 `dept:`、`region:`、`due:`）；加 `现行`（`in-force`）只看仍有效的文件',
    helpShow: '`/measures show {id}` — 查看一条举措的全文、任务和目标时限（也可查文件 `show {doc}`）',
    helpDept: '`/measures dept 商务局` — 某部门负责的举措',
    helpDue: '`/measures due 2023` / `due next 90d` / `due overdue 部门:商务` — 按期限查目标（可接关键词和筛选）',
    helpHelp: '`/measures help` — 显示本帮助',
    helpMore: '在频道里 @我 加关键词也可以搜索；在线程中请用 @提及。',
    followupInThread: (text: string) =>
      `跟进要在它的线程里修改：请在跟进卡片的线程中写 \`@measures ${text}\`，或点卡片上的按钮。\`/measures followups\` 列出你的跟进。`,
    didYouMean: (word: string, name: string, text: string) =>
      `没有 \`${word}\` 这个子命令。你是想用 \`${name}\` 吗？（要搜索这些字词，请写 \`/measures search ${text}\`；\`/measures help\` 列出全部子命令。）`,
    unknownCommandHint: (name: string) => `把“${name}”当作关键词搜索。输入 \`/measures help\` 查看子命令。`,
    homeTitle: '政策举措助手',
    homeIndexed: (docs: number, measures: number) => `已索引 ${docs} 份文件、${measures} 条举措。`,
  },
  {
    resultsHeader: (query: string) => `🔎 ${query}`,
    resultsCount: (total: number, from: number, to: number, atLeast = false) =>
      total === 0
        ? 'No matching measures.'
        : `${atLeast ? `${total.toLocaleString('en')}+` : total} measures found, showing ${from}–${to}`,
    resultsTargetsDue: (n: number) =>
      `*${n}* target${n === 1 ? '' : 's'} due in this window (the digest counts targets)`,
    noResultsHint: 'Try a shorter keyword, drop a filter, or see `/measures help`.',
    filtersLabel: 'Filters',
    filterNames: { department: 'Department', region: 'Region', kind: 'Kind', due: 'Due', inForce: 'In force only' },
    allMeasures: 'All measures',
    more: (n: number, atLeast = false) =>
      atLeast && n <= 0 ? 'Next page' : `Next page (${atLeast ? `${n.toLocaleString('en')}+` : n} more)`,
    previous: 'Previous page',
    nextDays: (n: number) => `next ${n} days`,
    unsupportedSyntax: (ops: string) =>
      `${ops} is not supported; its words were searched as plain keywords. You can use spaces (all words), \`OR\` (either), \`-word\` (exclude) and \`"a phrase"\` (exact).`,
    share: 'Share in channel',
    details: 'Details',
    departments: 'Departments',
    due: 'Due',
    dueItem: (due: string, past: boolean) => (past ? `${due} (past)` : due),
    kinds: { measure: 'Measure', answer: 'Q&A', proposal: 'Proposal' },
    status: {
      in_force: 'In force',
      expired: 'Expired',
      not_yet: 'Not yet in force',
      not_applicable: 'n/a',
    } satisfies Record<Status, string>,
    notFound: (id: string) =>
      `No measure or document has the id \`${id}\`. Ids look like \`{id}\` (an item of document \`{doc}\`) and appear in search results.`,
    notInDocument: (id: string, doc: string, n: number, first: string, last: string) =>
      n === 1
        ? `Document \`${doc}\` has no \`${id}\`: it has 1 item, \`${first}\`.`
        : `Document \`${doc}\` has no \`${id}\`: it has ${n} items, \`${first}\` to \`${last}\`.`,
    invalidId: (id: string) =>
      `\`${id}\` is not a valid id. Measure ids look like \`{id}\`, document ids like \`{doc}\`.`,
    badInput: (why: string) => `Could not understand that query: ${why}`,
    searchErrors: {
      too_long: 'That search is too long; a few key words work best.',
      empty: 'Type something to search for (e.g. 冷链 or 5G基站), or give a filter.',
      no_terms: 'There is nothing searchable in that query (only punctuation or symbols). Try another word.',
      only_excluded: 'That search only says what to leave out (-word). Add a word to look for, e.g. `冷链 -进口`.',
      too_many_terms: 'Too many words; keep the most important few.',
      bad_date: 'That date is not valid; use 2023, 2023-06 or 2023-06-30.',
      bad_kind: 'Kind must be measure, answer or proposal.',
      bad_limit: 'Invalid page; please search again.',
      bad_filter: 'A filter is too long; use a short name such as 商务 or 天津.',
    } as Record<string, string>,
    badDue:
      'A due date is `2023`, `2023-06`, `2023-06-30`, `next 90d` (the next 90 days) or `overdue`. After `/measures due` and its window, keywords and filters may follow, as in `due overdue 部门:商务`.',
    missingArg: (usage: string) => `Missing argument. Usage: \`${usage}\``,
    source: 'Source',
    statusLabel: 'Status',
    documentId: 'Document id',
    docNumber: 'Number',
    published: 'Published',
    effective: 'Effective',
    expires: 'Expires',
    section: 'Section',
    tasks: 'Tasks',
    tasksHeading: {
      measure: 'Tasks',
      answer: 'Points of the answer (quoted, not our tasks)',
      proposal: 'Points of the proposal (commentary, not our tasks)',
    },
    targets: 'Targets',
    noTargets: 'No dated target',
    asOf: (today: string) => `As of ${today}`,
    overdue: 'past due',
    upcoming: (days: number) => `in ${days} days`,
    dueToday: 'due today',
    incompleteDepartments: 'and others',
    author: 'Author',
    documentMeasures: (n: number) => `${n} items`,
    textTrimmed: '(text trimmed)',
    helpTitle: '/measures usage',
    helpIntro:
      'Look up measures in policy documents, who is responsible and by when. Results are private to you; press "Share in channel" to post them.',
    helpSearch:
      '`/measures 冷链` — keyword search in Chinese (spaces: all words; `OR`: either; `-word`: exclude; `"a phrase"`: exact)',
    helpFilters:
      '`/measures 便利店 dept:商务 region:天津 due:2021` — with filters (also `部门:`, `地区:`, `年:`); add `in-force` (`现行`) for documents still in force',
    helpShow: '`/measures show {id}` — full text, tasks and dated targets of one measure (or a document: `show {doc}`)',
    helpDept: '`/measures dept 商务局` — measures a department is responsible for',
    helpDue:
      '`/measures due 2023` / `due next 90d` / `due overdue 部门:商务` — targets by due date (then keywords and filters)',
    helpHelp: '`/measures help` — this help',
    helpMore: 'You can also @mention me with keywords in a channel; in threads, use an @mention.',
    followupInThread: (text: string) =>
      `Follow-ups are changed in their thread: write \`@measures ${text}\` in the follow-up card's thread, or use the card's buttons. \`/measures followups\` lists yours.`,
    didYouMean: (word: string, name: string, text: string) =>
      `There is no \`${word}\` subcommand. Did you mean \`${name}\`? (To search for these words, write \`/measures search ${text}\`; \`/measures help\` lists every subcommand.)`,
    unknownCommandHint: (name: string) =>
      `Searched for “${name}” as a keyword. See \`/measures help\` for subcommands.`,
    homeTitle: 'Policy measures',
    homeIndexed: (docs: number, measures: number) => `${docs} documents and ${measures} measures indexed.`,
  },
);
