/**
 * WC.6 行政执法人员在履行行政执法职责过程中有下列行为之一的，应追究其责任。
 * Each conduct is a row; the referral columns encode WC.10.3 (如涉嫌违纪违法及时向区纪委监委驻发改委纪检组报告):
 * the conducts that by their nature suggest a discipline or law violation, and the one that suggests a crime.
 */
import type { ConductId } from "./facts.js";

export interface ConductRow {
  /** Suspected discipline or law violation: report to the discipline inspection group (WC.10.3). */
  readonly discipline: boolean;
  /** Suspected crime (索贿受贿、玩忽职守、徇私枉法). */
  readonly criminal: boolean;
}

export const CONDUCT: Readonly<Record<ConductId, ConductRow>> = {
  "WC.6.1": { discipline: false, criminal: false }, // 超越本部门职权进行行政处罚的
  "WC.6.2": { discipline: false, criminal: false }, // 无《行政执法证》实施行政处罚的
  "WC.6.3": { discipline: false, criminal: false }, // 违反法定程序或者擅自改变处罚种类、幅度
  "WC.6.4": { discipline: false, criminal: false }, // 适用法律、法规、规章依据错误的
  "WC.6.5": { discipline: false, criminal: false }, // 未取得证据、证据不足或保管不善、灭失导致错案的
  "WC.6.6": { discipline: false, criminal: false }, // 违法实施强制措施，造成人身或财产损害的
  "WC.6.7": { discipline: true, criminal: false }, // 私自占用、使用暂扣、扣留物品的
  "WC.6.8": { discipline: true, criminal: false }, // 截留、私分、挪用罚没款物……
  "WC.6.9": { discipline: true, criminal: true }, // 索贿受贿、玩忽职守、徇私枉法
  "WC.6.10": { discipline: false, criminal: false }, // 实施行政处罚显失公正的
  "WC.6.11": { discipline: false, criminal: false }, // 其它应追究责任的行为
};
