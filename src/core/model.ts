/**
 * The shapes the parser produces and the index stores. Pure data: no Slack, no SQLite.
 * Dates are ISO `YYYY-MM-DD` strings (calendar dates, no time zone), `null` where unknown.
 */

export type DocumentKind = 'policy' | 'qa' | 'commentary';

/** measure = a numbered item of a policy; answer = one Q&A pair; proposal = a signed commentary recommendation. */
export type ItemKind = 'measure' | 'answer' | 'proposal';

export type Precision = 'year' | 'half' | 'quarter' | 'month' | 'day' | 'period';

export type DepartmentRole = 'lead' | 'co';

export interface ParsedTarget {
  /** The clause that states the commitment, as written (e.g. 到2022年底累计建成5G基站5万个). */
  text: string;
  /** Last day of the stated period. */
  due: string;
  precision: Precision;
  /** First day of a plan period (十四五 → 2021-01-01); null unless precision is 'period'. */
  periodStart: string | null;
  /** The quantity committed to, where there is one (5万个, 50%, 不少于20场). */
  quantity: string | null;
}

export interface ParsedDepartment {
  /** As written in the bracket (市商务局, 省发展改革委). */
  name: string;
  role: DepartmentRole;
}

export interface ParsedTask {
  /** The clause group, without its responsibility bracket. */
  text: string;
  /** The responsibility bracket's inner text as written, or null when the item has none. */
  responsibility: string | null;
  departments: ParsedDepartment[];
  /** True when the list ended in 等 / 等部门 / 相关部门: more departments share the work. */
  departmentsIncomplete: boolean;
  targets: ParsedTarget[];
}

export interface ParsedMeasure {
  kind: ItemKind;
  /** Heading of the section the item sits in (一、培育壮大…), without its numeral; null if none. */
  section: string | null;
  /** The numbering as written: (一), （一）, 1., （1）, 第一条; 问1 for Q&A; 一要/一是 for proposals. */
  label: string;
  /**
   * 1-based number the label stands for (（十一） → 11); for answers and proposals, the order in the document;
   * 0 for an unnumbered goal section (主要目标), which belongs to the document rather than to its numbering.
   */
  ordinal: number;
  /** The heading sentence (for answers: the question). */
  title: string;
  /** The whole item text after the label, brackets included. */
  text: string;
  /** Author of a commentary proposal; null otherwise. */
  author: string | null;
  tasks: ParsedTask[];
}

export interface ParsedDocument {
  title: string;
  kind: DocumentKind;
  /** The document's own level: 湖南省, 南京市, 成都市武侯区, 全国; null when it cannot be told. */
  region: string | null;
  /** That region with its parents, outermost first (江苏省, 南京市); empty when it cannot be told. */
  regionPath: string[];
  /** 湖南省人民政府办公厅; null when unknown. */
  issuer: string | null;
  /** 湘政办发〔2021〕38号 — this document's own number, never one it cites. */
  docNumber: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  /** Signed authors (commentary); empty otherwise. */
  authors: string[];
  measures: ParsedMeasure[];
  /** What the parser was unsure of, for the person who added the document (never silent gaps). */
  notes: ParseNote[];
}

/**
 * - kind: which kind was chosen and why (always one note);
 * - no_responsibility: a measure with no responsibility bracket or line;
 * - unread_bracket: a bracket that looked like a responsibility but was not read as units;
 * - unclassified_time: a time phrase read as neither a target nor a non-target;
 * - structure: numbering the parser could not place (a skipped or out-of-order label, an unknown level).
 */
export type ParseNoteKind = 'kind' | 'no_responsibility' | 'unread_bracket' | 'unclassified_time' | 'structure';

export interface ParseNote {
  kind: ParseNoteKind;
  /** Label of the measure concerned as written (（三）, 第五条), or null for the whole document. */
  label: string | null;
  /** The text concerned, as written, cut to a short excerpt (≤ 120 characters); null when there is none. */
  excerpt: string | null;
  /** One plain sentence for the user (English; the Slack layer may translate by kind). */
  message: string;
}

/** Input to the parser: the file's base name and raw bytes. */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

/** The document fields a search hit or a digest item carries (one row of a join, flattened). */
export interface DocumentRef {
  documentId: string;
  file: string;
  documentTitle: string;
  documentKind: DocumentKind;
  region: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
}
