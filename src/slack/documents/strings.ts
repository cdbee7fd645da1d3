import type { DocumentKind, ParseNoteKind } from '../../core/model.ts';
import type { ParseErrorCode, ParseErrorParams } from '../../core/parse/errors.ts';
import type { Genre } from '../../core/parse/kind.ts';
import { defineStrings } from '../../lib/strings.ts';

/** A parser refusal in words: the file's name (plain text) and the refusal's parameters. */
type RefusalText = (file: string, p: ParseErrorParams) => string;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
/** A count with thousands separators (5,001), or undefined when not known. */
const count = (n: number | undefined) => n?.toLocaleString('en-US');

/** The no_items refusal, by what the text was read as. */
function noItemsZh(file: string, p: ParseErrorParams, genre: Record<Genre, string>): string {
  const kind: DocumentKind | undefined = p.kind;
  if (kind === 'qa') return `${file} 已读取，但没有找到问答（问：…/答：…）。请确认上传的是问答原文本身。`;
  if (kind === 'commentary')
    return `${file} 像是评论文章，但没有找到分条的建议（一是…/一要…/首先…），没有可收录的内容。`;
  if (p.genre === 'appointments')
    return `${file} 是人事任免或组成人员名单，其中的编号引出的是人名而不是举措，没有可收录的举措。`;
  const what = p.genre && p.genre !== 'document' ? `是${genre[p.genre]}，` : '已读取，但';
  if (p.expected)
    return `${file} ${what}本身没有编号的条目，没有可收录的举措。这类文件通常不含举措；如需收录，请上传它所答复或印发的政策文件。`;
  return `${file} ${what}没有找到编号的条目（一、…（一）…1. …第一条…），没有可收录的举措。请确认上传的是政策正文本身，而不是封面或附件清单。`;
}

function noItemsEn(file: string, p: ParseErrorParams, genre: Record<Genre, string>): string {
  if (p.kind === 'qa') return `${file} was read, but no question-and-answer pairs were found in it.`;
  if (p.kind === 'commentary')
    return `${file} reads as commentary, but no numbered recommendations (一是…/一要…/首先…) were found in it.`;
  if (p.genre === 'appointments')
    return `${file} is a notice of appointments: its numbered headings introduce names, not measures, so there is nothing to index.`;
  const what = p.genre && p.genre !== 'document' ? `is ${genre[p.genre]}` : 'was read, but has';
  const has = p.genre && p.genre !== 'document' ? ' with' : '';
  if (p.expected)
    return `${file} ${what}${has} no numbered items of its own, so there are no measures to index. Documents of this kind hold no measures; to index the policy it answers or issues, upload that.`;
  return `${file} ${what}${has} no numbered items (一、…, （一）…, 1.…, 第一条…), so there are no measures to index. Check that this is the policy text itself, not a cover page or an attachment list.`;
}

const GENRE_ZH: Record<Genre, string> = {
  regulation: '规章制度（办法、规定、细则）',
  plan: '方案或规划',
  opinion: '意见',
  measures: '政策措施',
  notice: '通知',
  decision: '决定',
  approval: '批复',
  reply: '复函',
  bulletin: '通报',
  order: '令',
  appointments: '任免通知',
  qa: '问答',
  commentary: '评论文章',
  document: '文件',
};

const GENRE_EN: Record<Genre, string> = {
  regulation: 'a regulation',
  plan: 'a plan',
  opinion: 'an opinion',
  measures: 'a set of measures',
  notice: 'a notice (通知)',
  decision: 'a decision (决定)',
  approval: 'an approval (批复)',
  reply: 'a reply letter (复函)',
  bulletin: 'a bulletin (通报)',
  order: 'an order',
  appointments: 'a notice of appointments',
  qa: 'questions and answers',
  commentary: 'a commentary',
  document: 'a document',
};

/**
 * Strings of documents added from Slack (uploads, revisions, `/measures docs`, `/measures remove`). Keys start
 * with `doc`. Functions that take text expect it already escaped.
 */
export const documentStrings = defineStrings(
  {
    docHelpDocs: '`/measures docs` — 已收录的文件（标题、文号、地区、举措数、是否有效、由谁何时添加）',
    docHelpRemove: '`/measures remove {doc}` — 从索引中删除文件（仅管理员；跟进保留并标注）',
    docHelpUpload: '把 Word、PDF 或文本文件发给我（私信，或在频道中上传并 @我）即可收录',
    docNotAllowed: '抱歉，只有管理员和 INGEST_USERS 中的成员可以添加文件。如需收录这份文件，请联系管理员。',
    docReading: (file: string) => `正在读取 *${file}*…`,
    docIndexedTitle: (title: string) => `✅ 已收录：${title}`,
    docUpdatedTitle: (title: string) => `🔄 已更新：${title}`,
    docAlreadyIndexed: (title: string, id: string) => `这份文件已经收录过了：*${title}*（\`${id}\`），没有重复收录。`,
    docSameContentAs: (file: string) => `内容与已收录的 ${file} 完全相同。`,
    docFields: {
      number: '文号',
      region: '地区',
      measures: '举措',
      tasks: '任务',
      targets: '目标时限',
      force: '时效',
      id: '编号',
    },
    docNone: '—',
    docNotesHeading: (n: number) => `*解析时不确定的地方（${n} 处）*`,
    docNoNotes: '解析时没有不确定的地方。',
    docMoreNotes: (n: number) => `另有 ${n} 处未显示，可用 \`measures ingest\` 在命令行查看全部。`,
    docNoteKind: {
      kind: '文件类型',
      no_responsibility: '未写明责任单位',
      unread_bracket: '括号未识别为责任单位',
      unclassified_time: '时间表述未归类',
      structure: '编号',
    } satisfies Record<ParseNoteKind, string>,
    /** The parser's notes are English sentences; in Chinese the kind's name is shown instead. */
    docShowNoteMessage: false,
    /** The 'kind' note in Chinese: which kind the document was read as. */
    docReadAs: {
      policy: '按政策文件解析（逐条举措）',
      qa: '按问答解析（逐个问题）',
      commentary: '按评论文章解析（逐条建议）',
    },
    docShowDocument: '查看文件',
    docShowMeasure: (label: string) => `查看 ${label}`,
    docRevisionOf: (file: string, how: string) => `这是已收录文件 ${file} 的修订版（${how}），编号按内容保留。`,
    docMatchedBy: { file: '文件名相同', doc_number: '文号相同', title: '标题相同' },
    docChangesHeading: '*修订内容*',
    docAddedMeasures: (list: string) => `➕ 新增：${list}`,
    docRemovedMeasures: (list: string) => `➖ 删除：${list}`,
    docChangedMeasures: (list: string) => `✏️ 修改：${list}`,
    docRelabelled: (n: number) => `🔢 ${n} 条仅编号变化，内容未变，编号保留。`,
    docNoChanges: '举措没有变化。',
    docAspects: { text: '内容', deadline: '时限', units: '责任单位' },
    docFollowupsTold: (n: number) => `已在 ${n} 个相关跟进的线程中说明变化。`,
    docFollowupsNotTold: (ids: string) => `以下跟进的线程未能通知：${ids}`,
    docCannotRead: (reason: string) => `❌ 无法收录这份文件，索引没有任何改动。\n${reason}`,
    /** Why the parser refused a file, by its code (an unknown code shows the parser's English message). */
    docRefusal: {
      empty: (file) => `${file} 里没有可读取的文字。请确认这是政策文件本身，带正文导出后再上传。`,
      binary: (file) =>
        `${file} 不是能读取的文件格式。请上传 Word（.docx 或 .doc）、带文字的 PDF，或纯文本（.txt）、HTML、Markdown 文件。`,
      encoding: (file) =>
        `${file} 的文字编码无法识别（不是 UTF-8 或 GBK/GB18030）。请另存为 UTF-8 编码（多数编辑器：另存为 → 编码：UTF-8）后再上传。`,
      too_large: (file, p) =>
        p.unit === 'measures'
          ? `${file} 有 ${count(p.size) ?? '超过上限的'} 条举措，超过在 Slack 中收录的上限（${count(p.limit)} 条；更大的文件会拖慢机器人对所有人的回复）。请拆分后再上传，或请管理员在服务器上用 \`measures ingest\` 收录。`
          : p.unit === 'pages'
            ? `${file} 超过 ${p.limit} 页的上限。请只上传政策正文（不含附件），或把 PDF 拆分后再上传。`
            : `${file}${p.size ? ` 有 ${mb(p.size)} MB，` : ' '}超过 ${mb(p.limit ?? 0)} MB 的上限。请拆分成较小的文件，或只上传政策正文。`,
      no_items: (file, p) => noItemsZh(file, p, GENRE_ZH),
      no_text_layer: (file) =>
        `${file} 是扫描件，没有可读取的文字层。请上传带文字的 PDF 或 Word 文件（或先对扫描件做文字识别）。`,
      unsupported_format: (file, p) =>
        p.format === 'wps'
          ? `${file} 是 WPS 格式文件，无法读取。请在 WPS 中选择“文件 → 另存为”，存为 Word（.docx）或导出为 PDF 后再上传。`
          : `${file} 是 OFD 版式文档，无法读取。请下载该文件的 Word（.docx）或 PDF 版本，或用 OFD 阅读器（如数科阅读器）转为 PDF 后再上传。`,
      unreadable: (file) =>
        `${file} 无法打开：文件可能已损坏、设置了密码，或与扩展名不符。请用 Word 或 WPS 打开后另存为 .docx 或 PDF（有密码的先去除密码）再上传。`,
    } satisfies Record<ParseErrorCode, RefusalText>,
    docTooLarge: (file: string, mb: string, maxMb: string) =>
      `${file} 有 ${mb} MB，超过 ${maxMb} MB 的上限。请确认文件是否正确，或拆分后再发。`,
    docDownloadFailed: (file: string) => `无法从 Slack 下载 ${file}，请稍后重新上传。`,
    docDownloadTimeout: (file: string) => `下载 ${file} 超时，请稍后重新上传。`,
    docFileGone: '找不到这个文件（可能已被删除或不可访问）。',
    docBusy: '另一份文件正在收录，请一分钟后重新上传。',
    docNoticeChanged: (doc: string, label: string, title: string) =>
      `📝 修订通知：文件《${doc}》已修订，本跟进对应的举措 ${label}「${title}」有变化。`,
    docNoticeWhat: (what: string) => `变化：${what}`,
    docNoticeDeadlines: (before: string, after: string) => `时限：${before} → ${after}`,
    docNoticeUnits: (before: string, after: string) => `责任单位：${before} → ${after}`,
    docNoticeItemGone: '本跟进对应的任务或目标已不在修订版中。',
    docNoticeRemoved: (doc: string, label: string, title: string) =>
      `⚠️ 修订通知：文件《${doc}》的修订版删除了举措 ${label}「${title}」。本跟进保留，但已没有对应的举措。`,
    docNoticeDocumentRemoved: (doc: string, label: string, title: string) =>
      `⚠️ 文件《${doc}》已从索引中删除。本跟进（举措 ${label}「${title}」）保留，但已没有对应的举措。`,
    docListTitle: (total: number) => `已收录文件（${total} 份）`,
    docAddedBySeeds: '随附的示例文件',
    docAddedByUnknown: '（未记录）',
    docListEmpty: '还没有收录任何文件。把 Word、PDF 或文本文件发给我即可收录。',
    docListLine: (n: number, title: string, id: string) => `${n}. *${title}*  \`${id}\``,
    docListMeta: (measures: number, status: string, by: string, when: string) =>
      `${measures} 条举措 · ${status} · ${by} 于 ${when} 添加`,
    docPageOf: (from: number, to: number, total: number) => `第 ${from}–${to} 份，共 ${total} 份`,
    docPrev: '上一页',
    docOnlyPages: (pages: number) => `只有 ${pages} 页，下面是最后一页。`,
    docNext: '下一页',
    docRemoveAdminsOnly: '只有管理员（SLACK_ADMIN_USERS）可以删除文件。',
    docRemoveUsage: '用法：`/measures remove <文件编号>`（文件编号见 `/measures docs`）',
    docRemoveNotFound: (id: string) => `没有编号为 \`${id}\` 的文件。用 \`/measures docs\` 查看已收录的文件。`,
    docRemoveConfirm: (title: string, id: string, measures: number) =>
      `确定要从索引中删除 *${title}*（\`${id}\`，${measures} 条举措）吗？相关跟进会保留并标注“文件已删除”，编号不会再被使用。`,
    docRemoveButton: '删除文件',
    docRemoveDialogTitle: '删除文件？',
    docRemoveDialogText: (title: string) => `从索引中删除《${title}》。此操作不能撤销（可重新上传）。`,
    docRemoveDialogConfirm: '删除',
    docRemoveDialogDeny: '取消',
    docRemoved: (title: string, id: string, measures: number, followups: number) =>
      `🗑️ 已删除 *${title}*（\`${id}\`，${measures} 条举措）。${followups} 个跟进已保留并标注。`,
    docConsoleNoFile: (file: string) => `读不到文件：${file}`,
  },
  {
    docHelpDocs: '`/measures docs` — indexed documents (title, number, region, measures, in force, added by and when)',
    docHelpRemove:
      '`/measures remove {doc}` — remove a document from the index (admins; follow-ups are kept and marked)',
    docHelpUpload: 'Send me a Word, PDF or text file (in a DM, or upload it in a channel and @mention me) to index it',
    docNotAllowed:
      'Sorry, only admins and the people in INGEST_USERS can add documents. Please ask an admin to add this one.',
    docReading: (file: string) => `Reading *${file}*…`,
    docIndexedTitle: (title: string) => `✅ Indexed: ${title}`,
    docUpdatedTitle: (title: string) => `🔄 Updated: ${title}`,
    docAlreadyIndexed: (title: string, id: string) =>
      `This file is already indexed as *${title}* (\`${id}\`); not added again.`,
    docSameContentAs: (file: string) => `Its content is exactly that of ${file}, which is indexed.`,
    docFields: {
      number: 'Number',
      region: 'Region',
      measures: 'Measures',
      tasks: 'Tasks',
      targets: 'Dated targets',
      force: 'In force',
      id: 'Id',
    },
    docNone: '—',
    docNotesHeading: (n: number) => `*What the parser was unsure of (${n})*`,
    docNoNotes: 'The parser was sure of everything.',
    docMoreNotes: (n: number) => `${n} more not shown; \`measures ingest\` on the command line lists them all.`,
    docNoteKind: {
      kind: 'Kind',
      no_responsibility: 'No responsible unit',
      unread_bracket: 'Bracket not read as units',
      unclassified_time: 'Time phrase not classified',
      structure: 'Numbering',
    } satisfies Record<ParseNoteKind, string>,
    docShowNoteMessage: true,
    docReadAs: {
      policy: 'Read as a policy document',
      qa: 'Read as questions and answers',
      commentary: 'Read as a commentary',
    },
    docShowDocument: 'Show document',
    docShowMeasure: (label: string) => `Show ${label}`,
    docRevisionOf: (file: string, how: string) => `A revision of ${file} (${how}); ids follow the content.`,
    docMatchedBy: { file: 'same file name', doc_number: 'same document number', title: 'same title' },
    docChangesHeading: '*What changed*',
    docAddedMeasures: (list: string) => `➕ Added: ${list}`,
    docRemovedMeasures: (list: string) => `➖ Removed: ${list}`,
    docChangedMeasures: (list: string) => `✏️ Changed: ${list}`,
    docRelabelled: (n: number) => `🔢 ${n} renumbered with the same text; their ids are kept.`,
    docNoChanges: 'No measure changed.',
    docAspects: { text: 'text', deadline: 'deadline', units: 'units' },
    docFollowupsTold: (n: number) => `Told ${n} affected follow-up thread(s) what changed.`,
    docFollowupsNotTold: (ids: string) => `Could not post in the threads of: ${ids}`,
    docCannotRead: (reason: string) => `❌ This file could not be indexed; nothing was changed.\n${reason}`,
    docRefusal: {
      empty: (file) => `${file} contains no text. Check that it is the policy document itself and upload it again.`,
      binary: (file) =>
        `${file} is not a document I can read. Upload the policy as Word (.docx or .doc), as a PDF with selectable text, or as plain text (.txt), HTML or Markdown.`,
      encoding: (file) =>
        `${file} could not be read as UTF-8 or GBK/GB18030 text. Re-save it as UTF-8 (Save As → Encoding: UTF-8) and upload it again.`,
      too_large: (file, p) =>
        p.unit === 'measures'
          ? `${file} has ${count(p.size) ?? 'too many'} numbered items, over the ${count(p.limit)} the bot indexes from Slack (a larger document would hold up its answers to everyone). Split it, or have an admin index it on the server with \`measures ingest\`.`
          : p.unit === 'pages'
            ? `${file} has more than ${p.limit} pages. Upload only the policy text (without annexes), or split the PDF.`
            : `${file} is ${p.size ? `${mb(p.size)} MB, ` : ''}over the ${mb(p.limit ?? 0)} MB limit. Split it into smaller documents or upload only the policy text.`,
      no_items: (file, p) => noItemsEn(file, p, GENRE_EN),
      no_text_layer: (file) =>
        `${file} is a scan: its pages are images, with no text layer to read. Upload the Word file or a PDF with text, or run OCR on the scan first.`,
      unsupported_format: (file, p) =>
        p.format === 'wps'
          ? `${file} is a WPS Office file, which I cannot read. In WPS, choose 文件 → 另存为 and save it as Word (.docx), or export it as PDF, then upload that.`
          : `${file} is an OFD document (版式文档), which I cannot read. Download the Word (.docx) or PDF version, or convert the OFD to PDF with an OFD reader (e.g. 数科阅读器), and upload that.`,
      unreadable: (file) =>
        `${file} could not be opened: it may be damaged, password-protected or not what its name says. Open it in Word or WPS, save it again as .docx or PDF (removing any password), and upload that.`,
    } satisfies Record<ParseErrorCode, RefusalText>,
    docTooLarge: (file: string, mb: string, maxMb: string) =>
      `${file} is ${mb} MB, over the ${maxMb} MB limit. Check that it is the right file, or split it.`,
    docDownloadFailed: (file: string) => `Could not download ${file} from Slack. Please upload it again later.`,
    docDownloadTimeout: (file: string) => `Downloading ${file} took too long. Please upload it again later.`,
    docFileGone: 'That file cannot be found (deleted, or not shared with me).',
    docBusy: 'Another document is being indexed right now. Please upload it again in a minute.',
    docNoticeChanged: (doc: string, label: string, title: string) =>
      `📝 Revision: “${doc}” was revised and this follow-up’s measure ${label} “${title}” changed.`,
    docNoticeWhat: (what: string) => `Changed: ${what}`,
    docNoticeDeadlines: (before: string, after: string) => `Deadline: ${before} → ${after}`,
    docNoticeUnits: (before: string, after: string) => `Units: ${before} → ${after}`,
    docNoticeItemGone: 'The task or target this follow-up was on is not in the revision.',
    docNoticeRemoved: (doc: string, label: string, title: string) =>
      `⚠️ Revision: the revised “${doc}” no longer has measure ${label} “${title}”. This follow-up is kept, without a measure.`,
    docNoticeDocumentRemoved: (doc: string, label: string, title: string) =>
      `⚠️ “${doc}” was removed from the index. This follow-up (measure ${label} “${title}”) is kept, without a measure.`,
    docListTitle: (total: number) => `Indexed documents (${total})`,
    docAddedBySeeds: 'the bundled seeds',
    docAddedByUnknown: '(not recorded)',
    docListEmpty: 'No documents are indexed yet. Send me a Word, PDF or text file to add one.',
    docListLine: (n: number, title: string, id: string) => `${n}. *${title}*  \`${id}\``,
    docListMeta: (measures: number, status: string, by: string, when: string) =>
      `${measures} measures · ${status} · added by ${by} on ${when}`,
    docPageOf: (from: number, to: number, total: number) => `${from}–${to} of ${total}`,
    docPrev: 'Previous',
    docOnlyPages: (pages: number) =>
      `There ${pages === 1 ? 'is only 1 page' : `are only ${pages} pages`}; this is the last.`,
    docNext: 'Next',
    docRemoveAdminsOnly: 'Only admins (SLACK_ADMIN_USERS) can remove documents.',
    docRemoveUsage: 'Usage: `/measures remove <document id>` (see `/measures docs` for the ids)',
    docRemoveNotFound: (id: string) => `No document has the id \`${id}\`. \`/measures docs\` lists the indexed ones.`,
    docRemoveConfirm: (title: string, id: string, measures: number) =>
      `Remove *${title}* (\`${id}\`, ${measures} measures) from the index? Its follow-ups are kept and marked “document removed”; its ids are never reused.`,
    docRemoveButton: 'Remove document',
    docRemoveDialogTitle: 'Remove document?',
    docRemoveDialogText: (title: string) =>
      `Removes “${title}” from the index. This cannot be undone (you can upload it again).`,
    docRemoveDialogConfirm: 'Remove',
    docRemoveDialogDeny: 'Cancel',
    docRemoved: (title: string, id: string, measures: number, followups: number) =>
      `🗑️ Removed *${title}* (\`${id}\`, ${measures} measures). ${followups} follow-up(s) kept and marked.`,
    docConsoleNoFile: (file: string) => `Cannot read the file: ${file}`,
  },
);
