/** What the console shows once, after the demo agency was seeded: where to go and how to sign in. */
import { formatDate, ROLE_NAMES, type Role } from "@liuhen/domain";
import { DEMO_DAY } from "./demo-day.js";
import type { DemoSeed } from "./seed-demo.js";

export const demoGreeting = (seed: DemoSeed, url: string): string => {
  const rows = seed.accounts.map((a) => {
    const roles = a.roles.map((r) => ROLE_NAMES[r as Role]?.zh ?? r).join("、");
    return `  ${a.username.padEnd(10)} ${a.password}   ${a.name}（${roles}）`;
  });
  return [
    "",
    `留痕 Liuhen 已启动 / is running at ${url}`,
    `演示单位 / demo agency: ${seed.agency}`,
    `演示日期 / demo day: ${formatDate(DEMO_DAY, "zh")}（案件步骤以此日为今天，期限据此判断 / case steps are dated and deadlines judged as of ${formatDate(DEMO_DAY, "en")}）`,
    "演示账号（密码仅显示这一次，请妥善保存）/ demo accounts (passwords are shown this once only):",
    ...rows,
    "",
    `网页 / web pages: ${url}/ （公众举报 / public report: ${url}/report，员工登录 / staff sign-in: ${url}/login）`,
    `终端 / terminal: npx liuhen login --server ${url} --agency ${seed.agency} --username fazhi，然后 / then npx liuhen`,
    `公众举报 ${seed.publicReport.proceedingId} 的回执码 / the public report's receipt code: ${seed.publicReport.receiptCode}`,
    "",
  ].join("\n");
};
