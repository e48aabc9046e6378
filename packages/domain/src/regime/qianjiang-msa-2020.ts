/**
 * The default regime: 重庆市黔江区市场监督管理局 黔江市监发〔2020〕95号, in force from its issue on 2020-12-30
 * (WC.13 本制度自印发之日起实施; IF.14 本规定自印发之日起施行).
 */
import { chinaMainland } from "../calendar/china-mainland.js";
import { IsoDate } from "../calendar/iso-date.js";
import { CalendarMonths, WorkingDays } from "../periods/period-rule.js";
import { QIANJIANG_ARTICLES } from "../regulation/qianjiang-msa-2020-95.js";
import { DEFAULT_POLICY } from "../wrong-case/sanction-policy.js";
import { Regime } from "./regime.js";

export const QIANJIANG_REGIME_ID = "qianjiang-msa-2020";

export const qianjiangRegime = new Regime({
  id: QIANJIANG_REGIME_ID,
  version: "1",
  title: {
    zh: "行政执法错案责任倒查问责制度；行政执法机关内部人员干预、插手案件办理的记录、通报和责任追究制度",
    en: "Wrong-case accountability; recording, notification and liability for interference by internal staff",
  },
  documentNumber: "黔江市监发〔2020〕95号",
  validFrom: IsoDate.make("2020-12-30"),
  articles: QIANJIANG_ARTICLES,
  bodies: {
    agency: {
      zh: "重庆市黔江区市场监督管理局",
      en: "Qianjiang District Market Supervision Administration, Chongqing",
    },
    legalSection: { zh: "区局法治科", en: "Legal Affairs Section" },
    head: { zh: "局主要负责人", en: "Principal head of the bureau" },
    disciplineCommittee: { zh: "区局机关纪委", en: "Bureau discipline committee" },
    partyCommittee: { zh: "区局党委", en: "Bureau party committee" },
    disciplineGroup: {
      zh: "区纪委监委驻发改委纪检组",
      en: "District discipline inspection group stationed at the Development and Reform Commission",
    },
    judicialSupervision: {
      zh: "区司法行政部门行政执法协调监督机构",
      en: "District justice bureau's enforcement coordination and supervision body",
    },
  },
  periods: {
    // 行政处罚法（2021）第八十五条: 二日 counts working days; the day of acceptance is not counted.
    "WC.10.1": WorkingDays.make({ count: 2 }),
    // 1个月: a calendar month; a due day on a rest day moves to the next working day.
    "WC.10.3": CalendarMonths.make({ count: 1, rollForward: true }),
  },
  calendar: chinaMainland,
  policy: DEFAULT_POLICY,
});
