/**
 * The demo agency a newcomer meets on `npm start`: 黔江区市场监督管理局 with one account for every role and the
 * people its cases name. Data only; `seed-demo.ts` puts it into an empty database.
 */
import type { Role } from "@liuhen/domain";

export const DEMO_AGENCY = "qianjiang-msa";

export interface DemoPerson {
  readonly personId: string;
  readonly name: string;
  readonly department: string;
  readonly position: string | null;
  /** The account they sign in with, if they have one. */
  readonly account: { readonly username: string; readonly roles: ReadonlyArray<Role> } | null;
}

export const DEMO_PEOPLE = {
  legal: {
    personId: "p-wangfang",
    name: "王芳",
    department: "法治科",
    position: "科长",
    account: { username: "fazhi", roles: ["legal-officer"] },
  },
  head: {
    personId: "p-chenjianguo",
    name: "陈建国",
    department: "局领导",
    position: "局长",
    account: { username: "juzhang", roles: ["head"] },
  },
  investigator: {
    personId: "p-liuyang",
    name: "刘洋",
    department: "机关纪委",
    position: "纪委委员",
    account: { username: "diaocha", roles: ["investigator"] },
  },
  committee: {
    personId: "p-zhaomin",
    name: "赵敏",
    department: "局党委",
    position: "党委书记",
    account: { username: "dangwei", roles: ["committee"] },
  },
  committeeMember: {
    personId: "p-sunli",
    name: "孙立",
    department: "局党委",
    position: "党委委员",
    account: null,
  },
  liaison: {
    personId: "p-zhouqiang",
    name: "周强",
    department: "区纪委监委驻发改委纪检组",
    position: "联络员",
    account: { username: "jijian", roles: ["discipline-liaison"] },
  },
  judicial: {
    personId: "p-wujing",
    name: "吴静",
    department: "区司法局执法监督科",
    position: null,
    account: { username: "sifa", roles: ["judicial-supervision"] },
  },
  handler: {
    personId: "p-liming",
    name: "李明",
    department: "执法一科",
    position: "科员",
    account: { username: "liming", roles: ["handler"] },
  },
  colleague: {
    personId: "p-sunhua",
    name: "孙华",
    department: "执法三科",
    position: "副科长",
    account: null,
  },
  officer: {
    personId: "p-zhangwei",
    name: "张伟",
    department: "执法二科",
    position: "副科长",
    account: { username: "zhangwei", roles: ["handler"] },
  },
} as const satisfies Record<string, DemoPerson>;

export type DemoRole = keyof typeof DEMO_PEOPLE;

/** The administrator: manages accounts, is nobody in the directory and reads no case content. */
export const DEMO_ADMIN = { username: "admin", roles: ["admin"] } as const satisfies {
  readonly username: string;
  readonly roles: ReadonlyArray<Role>;
};
