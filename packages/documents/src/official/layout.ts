/**
 * The page of a Chinese official document, after GB/T 9704-2012《党政机关公文格式》. Every renderer reads its
 * measures from here, so the DOCX and the PDF agree to the millimetre.
 */

/** Millimetres to typographic points (1 in = 25.4 mm = 72 pt). */
export const mmToPt = (mm: number): number => (mm * 72) / 25.4;
/** Points to twentieths of a point (twips), the unit of WordprocessingML measures. */
export const ptToTwip = (pt: number): number => Math.round(pt * 20);

/** GB/T 9704-2012 5.2.1 幅面尺寸: A4, 210 mm × 297 mm. */
export const PAGE_MM = { width: 210, height: 297 } as const;

/**
 * GB/T 9704-2012 5.2.2 版心尺寸 156 mm × 225 mm; 5.2.1 天头（上白边）为37 mm，订口（左白边）为28 mm. The right
 * and bottom margins are what the page leaves around the type area: 26 mm and 35 mm.
 */
export const TYPE_AREA_MM = { width: 156, height: 225 } as const;
export const MARGIN_MM = {
  top: 37,
  left: 28,
  right: PAGE_MM.width - 28 - TYPE_AREA_MM.width,
  bottom: PAGE_MM.height - 37 - TYPE_AREA_MM.height,
} as const;

/**
 * GB/T 9704-2012 5.2.3 字体和字号: 正文一般用3号仿宋体字; 7.3.1 标题一般用2号小标宋体字; 7.3.3 结构层次序数第一层用黑体字、
 * 第二层用楷体字. 号 sizes in points: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt.
 */
export const FONT_SIZE_PT = { title: 22, body: 16, pageNumber: 14, imprint: 14 } as const;

/** GB/T 9704-2012 5.2.4 行数和字数: 一般每面排22行，每行排28个字. */
export const LINES_PER_PAGE = 22;
export const CHARACTERS_PER_LINE = 28;

/**
 * The line pitch that puts 22 lines in the 225 mm type area the way office software lays them out: exactly
 * 28.95 pt (579 twips), the value Word and WPS use for the GB/T 9704 grid.
 */
export const LINE_PITCH_PT = 28.95;

/** The width one character of the 28-character line takes: 156 mm / 28. */
export const CHARACTER_PITCH_PT = mmToPt(TYPE_AREA_MM.width) / CHARACTERS_PER_LINE;

/**
 * GB/T 9704-2012 5.2.3 and 7: the official typefaces, by what they set. Office PCs supply them; the DOCX names
 * them (`w:eastAsia`), and the PDF substitutes the embedded font.
 */
export const OFFICIAL_FONTS = {
  /** 7.3.1 标题: 2号小标宋体字. */
  title: "方正小标宋简体",
  /** 5.2.3 正文: 3号仿宋体字. */
  body: "仿宋_GB2312",
  /** 7.3.3 第一层 "一、" 用黑体字. */
  heading1: "黑体",
  /** 7.3.3 第二层 "（一）" 用楷体字. */
  heading2: "楷体_GB2312",
  /** 7.5.1 页码: 4号半角宋体阿拉伯数字. */
  pageNumber: "宋体",
  /** Latin letters and digits inside Chinese text. */
  latin: "Times New Roman",
} as const;

/** GB/T 9704-2012 7.2.1 发文机关标志 and 7.2.4 分隔线: red (the standard leaves the shade; this is the usual one). */
export const RED = "#E60012";
