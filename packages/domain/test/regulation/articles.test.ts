/** The article table comes from the issued text itself, so the UI can show the exact words behind every id. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  parseRegulation,
  QIANJIANG_ARTICLES,
  QIANJIANG_LAYOUT,
  QIANJIANG_TEXT,
  qianjiangRegime,
} from "../../src/index.js";

const issued = readFileSync(new URL("../../regulation/qianjiang-msa-2020-95.txt", import.meta.url), "utf8");

describe("the Qianjiang article table", () => {
  it("embeds the regulation file byte for byte (rerun `npm run embed-regulation` after editing it)", () => {
    expect(QIANJIANG_TEXT).toBe(issued);
  });

  it("WC.1 and IF.1: purpose articles carry their text, citing the laws they rest on", () => {
    expect(qianjiangRegime.article("WC.1")?.text).toContain("《行政处罚法》《国家赔偿法》");
    expect(qianjiangRegime.article("IF.1")?.text).toContain("为深入推进法治政府建设");
  });

  it("every article and item's text stands in the issued regulation", () => {
    for (const a of QIANJIANG_ARTICLES) {
      const lines = a.text.split("\n");
      for (const line of lines) expect(issued.replace(/第(\S+?)条\s+/g, "第$1条 ")).toContain(line);
    }
  });

  it("WC.6.9: an item's heading and text are the regulation's", () => {
    const a = qianjiangRegime.article("WC.6.9");
    expect(a?.heading).toBe("第六条（九）");
    expect(a?.text).toBe("（九）有索贿受贿、玩忽职守、徇私枉法等行为的；");
    expect(a?.parent).toBe("WC.6");
  });

  it("WC.11.4: items written inline after a colon are items too", () => {
    expect(qianjiangRegime.article("WC.11.4")?.text).toBe("4.暂停执法（暂扣行政执法证）");
    expect(qianjiangRegime.article("WC.5.7")?.heading).toBe("第五条第7项");
  });

  it("IF.12a and IF.12b: both articles headed 第十二条 are kept as issued, told apart by id, with a note", () => {
    const a = qianjiangRegime.article("IF.12a");
    const b = qianjiangRegime.article("IF.12b");
    expect(a?.heading).toBe("第十二条");
    expect(b?.heading).toBe("第十二条");
    expect(a?.text).toContain("打击报复");
    expect(b?.text).toContain("不记录或者不如实记录");
    expect(a?.note).toContain("两个“第十二条”");
    expect(b?.note).toContain("两个“第十二条”");
    // No renumbering: IF.13 is still the article headed 第十三条.
    expect(qianjiangRegime.article("IF.13")?.heading).toBe("第十三条");
  });

  it("WC.9a, WC.9b and WC.9c: the parts of WC.9's one sentence show the whole article and their words", () => {
    expect(qianjiangRegime.article("WC.9a")?.excerpt).toBe("坚持错误");
    expect(qianjiangRegime.article("WC.9c")?.excerpt).toBe("阻碍调查人员履行职责");
    expect(qianjiangRegime.article("WC.9b")?.text).toBe(qianjiangRegime.article("WC.9")?.text);
  });

  it("WC.13 and IF.14: the final articles are parsed, and the table ends there", () => {
    expect(qianjiangRegime.article("WC.13")?.text).toBe("第十三条 本制度自印发之日起实施。");
    expect(qianjiangRegime.article("IF.14")?.text).toBe("第十四条 本规定自印发之日起施行。");
    expect(qianjiangRegime.article("WC.14")).toBeUndefined();
    expect(qianjiangRegime.article("IF.15")).toBeUndefined();
  });

  it("a layout naming a part whose words are not in the article is refused", () => {
    expect(() =>
      parseRegulation(QIANJIANG_TEXT, {
        ...QIANJIANG_LAYOUT,
        parts: [{ id: "WC.9d", of: "WC.9", excerpt: "不存在的词" }],
      }),
    ).toThrow(/WC.9d/);
  });
});
